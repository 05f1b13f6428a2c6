package io.inetkit.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Byte helpers the mechanisms share: UTF-8, HMAC, bounds and safe display of server text. */
final class SaslBytes {

    /** Largest challenge any mechanism accepts; real ones are far below 1 KiB. */
    static final int MAX_CHALLENGE_BYTES = 16 * 1024;

    /** Longest server text quoted in an exception message. */
    private static final int MAX_QUOTED_CHARS = 200;

    private SaslBytes() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Rejects a {@code null} or oversized challenge before any parsing. */
    static void checkChallenge(String mechanism, byte[] challenge) throws SaslException {
        if (challenge == null) {
            throw new IllegalArgumentException("challenge must not be null (use an empty array)");
        }
        if (challenge.length > MAX_CHALLENGE_BYTES) {
            throw new SaslException(mechanism + ": server challenge too large ("
                    + challenge.length + " bytes, limit " + MAX_CHALLENGE_BYTES + ")");
        }
    }

    /** Strict UTF-8 decoding of a challenge; malformed bytes are a protocol error. */
    static String decodeUtf8(String mechanism, byte[] challenge) throws SaslException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(challenge)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SaslException(mechanism + ": server challenge is not valid UTF-8", e);
        }
    }

    /** Server text made safe to put in a message: printable ASCII only, shortened. */
    static String quote(String serverText) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < serverText.length() && sb.length() < MAX_QUOTED_CHARS; i++) {
            char c = serverText.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (serverText.length() > MAX_QUOTED_CHARS) {
            sb.append("...");
        }
        return sb.toString();
    }

    static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            // Every JDK ships HmacMD5/HmacSHA1/HmacSHA256; a missing one is a broken runtime.
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        return mac(algorithm, key).doFinal(data);
    }
}
