package io.inetkit.sasl;

/**
 * CRAM-MD5 (RFC 2195): the server sends a challenge such as
 * {@code <1896.697170952@postoffice.example.net>}; the client answers
 * {@code username SP hex(HMAC-MD5(password, challenge))}. The password is not sent, but a
 * recorded exchange allows an offline dictionary attack, so SCRAM is preferred.
 */
final class CramMd5Mechanism implements SaslMechanism {

    private enum State { NEW, STARTED, COMPLETE }

    private final Credentials.Password credentials;
    private State state = State.NEW;

    CramMd5Mechanism(Credentials.Password credentials) {
        if (!credentials.authorizationId().isEmpty()) {
            throw new IllegalArgumentException("CRAM-MD5 cannot carry an authorization identity");
        }
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public boolean hasInitialResponse() {
        return false;
    }

    @Override
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException("CRAM-MD5: start() already called");
        }
        state = State.STARTED;
        return null;
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws SaslException {
        SaslBytes.checkChallenge(name(), challenge);
        switch (state) {
            case NEW -> throw new IllegalStateException("CRAM-MD5: call start() before evaluate()");
            case STARTED -> {
                if (challenge.length == 0) {
                    throw new SaslException("CRAM-MD5: server sent an empty challenge");
                }
                byte[] digest = SaslBytes.hmac("HmacMD5",
                        SaslBytes.utf8(credentials.password()), challenge);
                state = State.COMPLETE;
                return SaslBytes.utf8(credentials.username() + " " + SaslBytes.hex(digest));
            }
            case COMPLETE -> throw new SaslException(
                    "CRAM-MD5: unexpected challenge after completion");
        }
        throw new AssertionError(state);
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }
}
