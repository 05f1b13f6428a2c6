package io.inetkit.sasl;

import java.util.Base64;

/**
 * A parsed SCRAM server-first-message (RFC 5802 section 7):
 * {@code [m=ext,]r=nonce,s=salt,i=count[,ext]}.
 *
 * @param message the message text as received (part of the AuthMessage)
 * @param nonce the combined nonce, starting with the client's
 * @param salt the decoded salt
 * @param iterations the iteration count, within the accepted bounds
 */
record ScramServerFirst(String message, String nonce, byte[] salt, int iterations) {

    /** Fewest iterations accepted; RFC 7677 section 4 asks servers for at least 4096. */
    static final int MIN_ITERATIONS = 4096;

    /** Most iterations accepted, so a hostile server cannot make the client spin for minutes. */
    static final int MAX_ITERATIONS = 1_000_000;

    /**
     * Parses and checks a server-first-message.
     *
     * @param mechanism the mechanism name for messages
     * @param message the decoded message
     * @param clientNonce the nonce this client sent
     * @return the parsed message
     * @throws SaslException if malformed, if the nonce does not extend the client's, or if the
     *     iteration count is out of bounds
     */
    static ScramServerFirst parse(String mechanism, String message, String clientNonce)
            throws SaslException {
        if (message.startsWith("m=")) {
            throw new SaslException(mechanism + ": server requires an unsupported mandatory extension");
        }
        String[] attrs = message.split(",", -1);
        if (attrs.length < 3) {
            throw malformed(mechanism, "expected r=, s= and i= attributes");
        }
        String nonce = value(mechanism, attrs[0], 'r');
        String salt64 = value(mechanism, attrs[1], 's');
        String count = value(mechanism, attrs[2], 'i');
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw malformed(mechanism, "nonce contains a non-printable character");
            }
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException(mechanism
                    + ": server nonce does not extend the client nonce (possible replay or impostor)");
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(salt64);
        } catch (IllegalArgumentException e) {
            throw malformed(mechanism, "salt is not valid base64");
        }
        if (salt.length == 0) {
            throw malformed(mechanism, "salt is empty");
        }
        return new ScramServerFirst(message, nonce, salt, iterations(mechanism, count));
    }

    private static int iterations(String mechanism, String count) throws SaslException {
        if (count.isEmpty() || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(mechanism, "iteration count is not a number: " + SaslBytes.quote(count));
        }
        if (count.length() > 9) {
            throw new SaslException(mechanism + ": server iteration count " + SaslBytes.quote(count)
                    + " exceeds the limit of " + MAX_ITERATIONS);
        }
        int n = Integer.parseInt(count);
        if (n < MIN_ITERATIONS) {
            throw new SaslException(mechanism + ": server iteration count " + n
                    + " is below the minimum of " + MIN_ITERATIONS + " (weak password hashing)");
        }
        if (n > MAX_ITERATIONS) {
            throw new SaslException(mechanism + ": server iteration count " + n
                    + " exceeds the limit of " + MAX_ITERATIONS);
        }
        return n;
    }

    private static String value(String mechanism, String attr, char name) throws SaslException {
        if (attr.length() < 2 || attr.charAt(0) != name || attr.charAt(1) != '=') {
            throw malformed(mechanism, "expected attribute " + name + "= but got "
                    + SaslBytes.quote(attr.length() > 2 ? attr.substring(0, 2) : attr));
        }
        String value = attr.substring(2);
        if (value.isEmpty()) {
            throw malformed(mechanism, "attribute " + name + "= is empty");
        }
        return value;
    }

    private static SaslException malformed(String mechanism, String detail) {
        return new SaslException(mechanism + ": malformed server-first message: " + detail);
    }
}
