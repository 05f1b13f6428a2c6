package io.inetkit.http;

import io.inetkit.text.MalformedReplyException;

/**
 * A parsed {@code Content-Range} response header (RFC 9110 §14.4): the part of the
 * representation a 206 response carries, or, on a 416, only the complete length.
 *
 * @param first the first byte offset, or -1 for an unsatisfied range ({@code bytes *&#47;length})
 * @param last the last byte offset (inclusive), or -1 for an unsatisfied range
 * @param completeLength the complete length, or -1 if unknown ({@code *})
 */
public record ContentRange(long first, long last, long completeLength) {

    /**
     * Parses a header value such as {@code bytes 0-499/1234}, {@code bytes 0-499/*} or {@code bytes *&#47;1234}.
     *
     * @param value the header value
     * @return the parsed range
     * @throws MalformedReplyException if the value is not a valid byte content range
     */
    public static ContentRange parse(String value) throws MalformedReplyException {
        String v = value.strip();
        if (!v.regionMatches(true, 0, "bytes ", 0, 6)) {
            throw bad(value);
        }
        String rest = v.substring(6).strip();
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw bad(value);
        }
        String range = rest.substring(0, slash);
        String length = rest.substring(slash + 1);
        long complete = length.equals("*") ? -1 : number(length, value);
        if (range.equals("*")) {
            if (complete < 0) {
                throw bad(value);
            }
            return new ContentRange(-1, -1, complete);
        }
        int dash = range.indexOf('-');
        if (dash < 0) {
            throw bad(value);
        }
        long first = number(range.substring(0, dash), value);
        long last = number(range.substring(dash + 1), value);
        if (last < first || (complete >= 0 && last >= complete)) {
            throw bad(value);
        }
        return new ContentRange(first, last, complete);
    }

    private static long number(String s, String whole) throws MalformedReplyException {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(whole);
        }
        return Long.parseLong(s);
    }

    private static MalformedReplyException bad(String value) {
        return new MalformedReplyException("invalid Content-Range " + HttpSyntax.quote(value));
    }

    /** @return true for the {@code bytes *&#47;length} form of a 416 response */
    public boolean isUnsatisfied() {
        return first < 0;
    }

    /** @return the number of bytes in the range (0 when unsatisfied) */
    public long length() {
        return first < 0 ? 0 : last - first + 1;
    }
}
