package io.inetkit.sasl;

import java.util.Objects;

/**
 * What the user authenticates with: a password or an OAuth 2.0 bearer token.
 *
 * <p>Secrets are kept as {@code String}: they arrive as strings from configuration, the
 * command line or a token endpoint anyway, and a {@code char[]} that is copied into
 * strings and byte arrays on the way to the wire gives no real protection. Instead the
 * secret never appears in {@code toString()}, in exception messages or (when protocol
 * layers mask client responses, see {@link SaslMechanism}) in transcripts.
 */
public sealed interface Credentials {

    /**
     * Returns the authentication identity (user name or account).
     *
     * @return the user name, never empty
     */
    String username();

    /**
     * Creates password credentials without an authorization identity.
     *
     * @param username the user name
     * @param password the password
     * @return the credentials
     */
    static Password password(String username, String password) {
        return new Password(username, password, "");
    }

    /**
     * Creates OAuth bearer token credentials.
     *
     * @param username the account the token was issued for (e.g. an e-mail address)
     * @param token the access token
     * @return the credentials
     */
    static Token token(String username, String token) {
        return new Token(username, token);
    }

    /**
     * A user name and password, for SCRAM, CRAM-MD5, PLAIN and LOGIN.
     *
     * @param username the authentication identity, not empty, no NUL
     * @param password the password, not empty, no NUL
     * @param authorizationId the identity to act as, or {@code ""} to act as
     *     {@code username} (used by PLAIN and SCRAM; other mechanisms reject a non-empty one)
     */
    record Password(String username, String password, String authorizationId) implements Credentials {

        /** Validates the fields. */
        public Password {
            requireText(username, "username");
            requireText(password, "password");
            Objects.requireNonNull(authorizationId, "authorizationId");
            if (authorizationId.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("authorizationId must not contain NUL");
            }
        }

        /** Returns a description with the password masked. */
        @Override
        public String toString() {
            return "Password[username=" + username + ", password=***, authorizationId="
                    + authorizationId + "]";
        }
    }

    /**
     * An account name and OAuth 2.0 access token, for OAUTHBEARER and XOAUTH2.
     *
     * @param username the account, not empty
     * @param token the access token: printable ASCII without spaces
     */
    record Token(String username, String token) implements Credentials {

        /** Validates the fields. */
        public Token {
            requireText(username, "username");
            requireText(token, "token");
            if (username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("username must not contain control characters");
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw new IllegalArgumentException(
                            "token must be printable ASCII without spaces (position " + i + ")");
                }
            }
        }

        /** Returns a description with the token masked. */
        @Override
        public String toString() {
            return "Token[username=" + username + ", token=***]";
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain NUL");
        }
    }
}
