package io.inetkit.http;

import io.inetkit.text.MalformedReplyException;

/**
 * A parsed status line: {@code HTTP/1.1 200 OK} (RFC 9112 §4).
 *
 * @param version the protocol version
 * @param status the three-digit code
 * @param reason the reason phrase, possibly empty
 */
record StatusLine(HttpVersion version, int status, String reason) {

    static StatusLine parse(String line) throws MalformedReplyException {
        // HTTP-version SP 3DIGIT SP [reason]; a missing SP before an empty reason is tolerated
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' ') {
            throw malformed(line);
        }
        char minor = line.charAt(7);
        if (minor < '0' || minor > '9') {
            throw malformed(line);
        }
        HttpVersion version = minor == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(line);
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100) {
            throw malformed(line);
        }
        if (line.length() == 12) {
            return new StatusLine(version, status, "");
        }
        if (line.charAt(12) != ' ') {
            throw malformed(line);
        }
        String reason = line.substring(13);
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                throw malformed(line);
            }
        }
        return new StatusLine(version, status, reason);
    }

    private static MalformedReplyException malformed(String line) {
        return new MalformedReplyException("malformed HTTP status line " + HttpSyntax.quote(line)
                + " (expected e.g. \"HTTP/1.1 200 OK\"; is the server speaking HTTP/1.x?)");
    }
}
