package io.inetkit.sasl;

import java.util.Base64;

/**
 * Base64 framing shared by the protocol layers (SMTP {@code 334}, IMAP {@code +}, POP3
 * {@code +}, NNTP {@code 383}): mechanisms work on raw bytes and the protocol layer uses
 * these helpers on the wire.
 */
public final class SaslCodec {

    /** Longest base64 challenge accepted: enough for the largest challenge a mechanism takes. */
    public static final int MAX_CHALLENGE_CHARS = (SaslBytes.MAX_CHALLENGE_BYTES + 2) / 3 * 4;

    private SaslCodec() {
    }

    /**
     * Encodes a response to a challenge. An empty response is an empty line.
     *
     * @param response the bytes from {@link SaslMechanism#evaluate}
     * @return standard base64 (RFC 4648), {@code ""} when empty
     */
    public static String encodeResponse(byte[] response) {
        return Base64.getEncoder().encodeToString(response);
    }

    /**
     * Encodes an initial response for the command line. An empty initial response is
     * {@code "="} (RFC 4954, RFC 4959, RFC 5034), which is not the same as none.
     *
     * @param initialResponse the bytes from {@link SaslMechanism#start()}, not {@code null}
     * @return standard base64, or {@code "="} when empty
     */
    public static String encodeInitialResponse(byte[] initialResponse) {
        return initialResponse.length == 0 ? "=" : Base64.getEncoder().encodeToString(initialResponse);
    }

    /**
     * Decodes a challenge as the server sent it (the text after {@code 334 } or {@code + }).
     * Surrounding spaces are ignored; an empty text is an empty challenge.
     *
     * @param text the base64 text
     * @return the decoded challenge
     * @throws SaslException if it is longer than {@link #MAX_CHALLENGE_CHARS} or not base64
     */
    public static byte[] decodeChallenge(String text) throws SaslException {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_CHALLENGE_CHARS) {
            throw new SaslException("server challenge too long (" + trimmed.length()
                    + " characters, limit " + MAX_CHALLENGE_CHARS + ")");
        }
        try {
            return Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new SaslException("server challenge is not valid base64: " + SaslBytes.quote(trimmed));
        }
    }
}
