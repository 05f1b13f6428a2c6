package io.inetkit.sasl;

import java.util.Optional;

/**
 * The two OAuth 2.0 bearer token mechanisms, which differ only in framing:
 *
 * <ul>
 *   <li>OAUTHBEARER (RFC 7628): {@code n,a=user,^Ahost=H^Aport=P^Aauth=Bearer T^A^A}
 *       (host and port optional); a rejected token is answered with a single {@code ^A}.</li>
 *   <li>XOAUTH2 (Google): {@code user=U^Aauth=Bearer T^A^A}; a rejected token is answered
 *       with an empty response.</li>
 * </ul>
 *
 * <p>After a rejection the server's JSON error is kept for {@link #serverError()} and the
 * mechanism never becomes complete, so a later success reply is refused too. The token is
 * sent in clear: use these only over an encrypted connection.
 */
final class OAuthMechanism implements SaslMechanism {

    /** Which of the two framings. */
    enum Flavor { OAUTHBEARER, XOAUTH2 }

    private enum State { NEW, SENT, ERROR_ANSWERED }

    private static final char KVSEP = '\u0001';

    private final Flavor flavor;
    private final Credentials.Token credentials;
    private final String host;
    private final int port;
    private State state = State.NEW;
    private String serverError;

    /**
     * Creates a conversation.
     *
     * @param flavor which framing to use
     * @param credentials the account and token
     * @param host the server host name for OAUTHBEARER, or {@code null} to omit it
     * @param port the server port for OAUTHBEARER, or 0 to omit it
     */
    OAuthMechanism(Flavor flavor, Credentials.Token credentials, String host, int port) {
        if (host != null && (host.isEmpty() || !host.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("host must be printable ASCII without spaces: " + host);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.flavor = flavor;
        this.credentials = credentials;
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return flavor.name();
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException(name() + ": start() already called");
        }
        state = State.SENT;
        String bearer = "auth=Bearer " + credentials.token() + KVSEP + KVSEP;
        return SaslBytes.utf8(switch (flavor) {
            case XOAUTH2 -> "user=" + credentials.username() + KVSEP + bearer;
            case OAUTHBEARER -> "n,a=" + ScramMechanism.escape(credentials.username()) + ","
                    + KVSEP
                    + (host == null ? "" : "host=" + host + KVSEP)
                    + (port == 0 ? "" : "port=" + port + KVSEP)
                    + bearer;
        });
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws SaslException {
        SaslBytes.checkChallenge(name(), challenge);
        switch (state) {
            case NEW -> throw new IllegalStateException(name() + ": call start() before evaluate()");
            case SENT -> {
                // The only challenge after the token is the server's JSON error; the RFC and
                // Google both require a dummy response, after which the server fails.
                String json = SaslBytes.ascii(challenge);
                serverError = json.isBlank() ? "an empty error challenge" : OAuthError.describe(json);
                state = State.ERROR_ANSWERED;
                return flavor == Flavor.OAUTHBEARER ? new byte[] {KVSEP} : new byte[0];
            }
            case ERROR_ANSWERED -> throw new SaslException(name()
                    + ": unexpected challenge after the token was rejected (" + serverError + ")");
        }
        throw new AssertionError(state);
    }

    @Override
    public boolean isComplete() {
        return state == State.SENT;
    }

    @Override
    public Optional<String> serverError() {
        return Optional.ofNullable(serverError).map(e -> "token rejected: " + e);
    }
}
