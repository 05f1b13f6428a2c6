package io.inetkit.sasl;

import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms inetkit implements, declared strongest first: this order is the
 * preference {@link MechanismChooser} uses (SCRAM-SHA-256 &gt; SCRAM-SHA-1 &gt; CRAM-MD5 &gt;
 * PLAIN &gt; LOGIN for passwords, OAUTHBEARER &gt; XOAUTH2 for tokens).
 */
public enum Mechanism {
    /** SCRAM with SHA-256 (RFC 7677); mutual authentication, password never sent. */
    SCRAM_SHA_256("SCRAM-SHA-256", false, false),
    /** SCRAM with SHA-1 (RFC 5802); mutual authentication, password never sent. */
    SCRAM_SHA_1("SCRAM-SHA-1", false, false),
    /** CRAM-MD5 (RFC 2195); password never sent, but open to offline guessing. */
    CRAM_MD5("CRAM-MD5", false, false),
    /** PLAIN (RFC 4616); password sent in clear. */
    PLAIN("PLAIN", false, true),
    /** LOGIN (de-facto); password sent in clear. */
    LOGIN("LOGIN", false, true),
    /** OAUTHBEARER (RFC 7628); bearer token sent in clear. */
    OAUTHBEARER("OAUTHBEARER", true, true),
    /** XOAUTH2 (Google, Microsoft); bearer token sent in clear. */
    XOAUTH2("XOAUTH2", true, true);

    private final String wireName;
    private final boolean usesToken;
    private final boolean sendsSecretInClear;

    Mechanism(String wireName, boolean usesToken, boolean sendsSecretInClear) {
        this.wireName = wireName;
        this.usesToken = usesToken;
        this.sendsSecretInClear = sendsSecretInClear;
    }

    /**
     * Returns the registered name as sent on the wire.
     *
     * @return e.g. {@code "SCRAM-SHA-256"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Tells whether the password or token itself crosses the wire (PLAIN, LOGIN, OAUTHBEARER,
     * XOAUTH2), so that the mechanism is only safe over an encrypted connection.
     *
     * @return {@code true} if the secret is readable by anyone who sees the traffic
     */
    public boolean sendsSecretInClear() {
        return sendsSecretInClear;
    }

    /**
     * Tells whether this mechanism works with the given kind of credentials.
     *
     * @param credentials password or token credentials
     * @return {@code true} if {@link #newClient(Credentials)} accepts them
     */
    public boolean accepts(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Password p -> !usesToken
                    && (p.authorizationId().isEmpty() || this != CRAM_MD5 && this != LOGIN);
            case Credentials.Token t -> usesToken;
        };
    }

    /**
     * Finds a mechanism by its wire name, ignoring case.
     *
     * @param name a name as a server advertises it, e.g. {@code "scram-sha-256"}
     * @return the mechanism, or empty if inetkit does not implement it
     */
    public static Optional<Mechanism> fromWireName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (Mechanism m : values()) {
            if (m.wireName.equals(upper)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts a new conversation (one authentication attempt) with these credentials.
     *
     * @param credentials the user's password or token
     * @return a fresh conversation
     * @throws IllegalArgumentException if the credentials do not fit this mechanism (see
     *     {@link #accepts}) or a SCRAM user name or password is invalid under SASLprep
     */
    public SaslMechanism newClient(Credentials credentials) {
        return newClient(credentials, null, 0);
    }

    /**
     * Starts a new conversation, giving OAUTHBEARER the server's host and port (RFC 7628
     * recommends sending them; other mechanisms ignore them).
     *
     * @param credentials the user's password or token
     * @param host the server host name, or {@code null} to omit it
     * @param port the server port, or 0 to omit it
     * @return a fresh conversation
     * @throws IllegalArgumentException if the credentials do not fit this mechanism
     */
    public SaslMechanism newClient(Credentials credentials, String host, int port) {
        if (!accepts(credentials)) {
            throw new IllegalArgumentException(wireName + " cannot be used with "
                    + (credentials instanceof Credentials.Token ? "a token"
                    : usesToken ? "a password" : "an authorization identity"));
        }
        return switch (this) {
            case SCRAM_SHA_256 -> new ScramMechanism(ScramMechanism.Hash.SHA_256, (Credentials.Password) credentials);
            case SCRAM_SHA_1 -> new ScramMechanism(ScramMechanism.Hash.SHA_1, (Credentials.Password) credentials);
            case CRAM_MD5 -> new CramMd5Mechanism((Credentials.Password) credentials);
            case PLAIN -> new PlainMechanism((Credentials.Password) credentials);
            case LOGIN -> new LoginMechanism((Credentials.Password) credentials);
            case OAUTHBEARER -> new OAuthMechanism(OAuthMechanism.Flavor.OAUTHBEARER,
                    (Credentials.Token) credentials, host, port);
            case XOAUTH2 -> new OAuthMechanism(OAuthMechanism.Flavor.XOAUTH2,
                    (Credentials.Token) credentials, host, port);
        };
    }
}
