package io.inetkit.sasl;

import java.util.Locale;

/**
 * LOGIN (de-facto, draft-murchison-sasl-login): the server prompts {@code Username:} then
 * {@code Password:}; the client answers each in UTF-8. Sends the password in clear.
 *
 * <p>Prompts are answered by order, as most clients do, because servers word them
 * differently; but a second prompt that asks for the user name again is refused, so the
 * password is never sent where the server expects a user name (and might log it).
 */
final class LoginMechanism implements SaslMechanism {

    private enum State { NEW, STARTED, USERNAME_SENT, COMPLETE }

    private final Credentials.Password credentials;
    private State state = State.NEW;

    LoginMechanism(Credentials.Password credentials) {
        if (!credentials.authorizationId().isEmpty()) {
            throw new IllegalArgumentException("LOGIN cannot carry an authorization identity");
        }
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public boolean hasInitialResponse() {
        return false;
    }

    @Override
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException("LOGIN: start() already called");
        }
        state = State.STARTED;
        return null;
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws SaslException {
        SaslBytes.checkChallenge(name(), challenge);
        switch (state) {
            case NEW -> throw new IllegalStateException("LOGIN: call start() before evaluate()");
            case STARTED -> {
                state = State.USERNAME_SENT;
                return SaslBytes.utf8(credentials.username());
            }
            case USERNAME_SENT -> {
                String prompt = SaslBytes.ascii(challenge).toLowerCase(Locale.ROOT);
                if (prompt.contains("user") && !prompt.contains("pass")) {
                    throw new SaslException("LOGIN: server asked for the user name again"
                            + " instead of the password");
                }
                state = State.COMPLETE;
                return SaslBytes.utf8(credentials.password());
            }
            case COMPLETE -> throw new SaslException("LOGIN: unexpected challenge after completion");
        }
        throw new AssertionError(state);
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }
}
