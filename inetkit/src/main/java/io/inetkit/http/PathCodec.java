package io.inetkit.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of request paths and queries, refusing what could escape a handler's tree. */
final class PathCodec {

    private PathCodec() {}

    /**
     * Decodes a path as UTF-8. Refuses (400) invalid escapes, invalid UTF-8, NUL, and dot
     * segments ({@code .} or {@code ..}, also when encoded or produced by an encoded slash).
     */
    static String decodePath(String raw) throws RequestRejectedException {
        String path = decode(raw, false);
        if (path == null) {
            throw RequestHead.bad("invalid percent-encoding or UTF-8 in path " + HttpSyntax.quote(raw));
        }
        if (path.indexOf('\0') >= 0) {
            throw RequestHead.bad("NUL in path");
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int len = end - start;
            if ((len == 1 || len == 2) && path.charAt(start) == '.' && (len == 1 || path.charAt(start + 1) == '.')) {
                throw RequestHead.bad("dot segment in path " + HttpSyntax.quote(raw));
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return path;
    }

    /**
     * Percent-decodes UTF-8 text.
     *
     * @param plusIsSpace true for form-encoded query components
     * @return the text, or null when an escape or the UTF-8 is invalid
     */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out[n++] = ' ';
            } else if (c > 0x7f) {
                return null;
            } else {
                out[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
