package io.inetkit.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Digest scheme (RFC 7616): MD5, MD5-sess, SHA-256 and SHA-256-sess, with {@code qop=auth}
 * or without qop (RFC 2069 servers). {@code auth-int} and {@code userhash} are not supported;
 * such challenges are skipped.
 */
final class DigestAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuth() {}

    /** @return true if this client can answer the challenge */
    static boolean supports(Challenge c) {
        if (!c.scheme().equalsIgnoreCase("Digest") || c.param("nonce") == null || c.param("realm") == null) {
            return false;
        }
        if (algorithm(c) == null || "true".equalsIgnoreCase(c.param("userhash"))) {
            return false;
        }
        String qop = c.param("qop");
        return qop == null || HttpSyntax.hasToken(qop, "auth");
    }

    /** @return the JCA digest name, or null if unsupported */
    static String algorithm(Challenge c) {
        String a = c.param("algorithm");
        return switch (a == null ? "md5" : a.toLowerCase(Locale.ROOT)) {
            case "md5", "md5-sess" -> "MD5";
            case "sha-256", "sha-256-sess" -> "SHA-256";
            default -> null;
        };
    }

    /** A preference order: SHA-256 before MD5. */
    static int strength(Challenge c) {
        return "SHA-256".equals(algorithm(c)) ? 2 : 1;
    }

    /**
     * Computes the {@code Authorization} value.
     *
     * @param c a supported challenge
     * @param creds the credentials
     * @param method the request method
     * @param uri the request target as in the request line
     * @param nc the nonce count
     * @param cnonce the client nonce (null: a random one)
     * @return the header value
     */
    static String header(Challenge c, Credentials creds, String method, String uri, int nc, String cnonce) {
        String alg = algorithm(c);
        String algParam = c.param("algorithm");
        boolean sess = algParam != null && algParam.toLowerCase(Locale.ROOT).endsWith("-sess");
        String realm = c.param("realm");
        String nonce = c.param("nonce");
        String qop = c.param("qop") == null ? null : "auth";
        if (cnonce == null) {
            byte[] r = new byte[16];
            RANDOM.nextBytes(r);
            cnonce = HexFormat.of().formatHex(r);
        }
        String ncText = String.format("%08x", nc);
        String ha1 = h(alg, creds.user() + ":" + realm + ":" + creds.password());
        if (sess) {
            ha1 = h(alg, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = h(alg, method + ":" + uri);
        String response = qop == null ? h(alg, ha1 + ":" + nonce + ":" + ha2)
                : h(alg, ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=").append(quote(creds.user()));
        sb.append(", realm=").append(quote(realm));
        sb.append(", nonce=").append(quote(nonce));
        sb.append(", uri=").append(quote(uri));
        if (algParam != null) {
            sb.append(", algorithm=").append(algParam);
        }
        sb.append(", response=").append(quote(response));
        if (qop != null) {
            sb.append(", qop=").append(qop).append(", nc=").append(ncText).append(", cnonce=").append(quote(cnonce));
        }
        if (c.param("opaque") != null) {
            sb.append(", opaque=").append(quote(c.param("opaque")));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String h(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is missing from this JDK", e);
        }
    }
}
