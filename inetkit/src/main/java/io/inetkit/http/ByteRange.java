package io.inetkit.http;

import java.util.List;
import java.util.StringJoiner;

/**
 * One byte range of a {@code Range} request header (RFC 9110 §14.1.2): {@code first-last},
 * {@code first-} (to the end) or {@code -suffix} (the last bytes).
 *
 * <pre>{@code
 * HttpRequest r = HttpRequest.newBuilder(url).header("Range", ByteRange.from(1024).header()).build();
 * }</pre>
 *
 * @param first the first byte offset, or -1 for a suffix range
 * @param last the last byte offset (inclusive), or -1 for "to the end"; for a suffix range, the suffix length
 */
public record ByteRange(long first, long last) {

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if the bounds are negative or reversed
     */
    public ByteRange {
        if (first < -1 || last < -1 || (first == -1 && last < 1) || (first >= 0 && last >= 0 && last < first)) {
            throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
        }
    }

    /**
     * Bytes {@code first} to {@code last}, both included.
     *
     * @param first the first offset
     * @param last the last offset
     * @return the range
     */
    public static ByteRange of(long first, long last) {
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("offsets must be 0 or more: " + first + "-" + last);
        }
        return new ByteRange(first, last);
    }

    /**
     * Bytes from {@code first} to the end (resuming a download).
     *
     * @param first the first offset
     * @return the range
     */
    public static ByteRange from(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("offset must be 0 or more: " + first);
        }
        return new ByteRange(first, -1);
    }

    /**
     * The last {@code length} bytes.
     *
     * @param length how many, 1 or more
     * @return the range
     */
    public static ByteRange suffix(long length) {
        return new ByteRange(-1, length);
    }

    /** @return this range as a spec, e.g. {@code 0-499}, {@code 500-} or {@code -200} */
    public String spec() {
        if (first < 0) {
            return "-" + last;
        }
        return first + "-" + (last < 0 ? "" : Long.toString(last));
    }

    /** @return the {@code Range} header value for this range alone, e.g. {@code bytes=500-} */
    public String header() {
        return "bytes=" + spec();
    }

    /**
     * The {@code Range} header value for several ranges.
     *
     * @param ranges one or more ranges
     * @return e.g. {@code bytes=0-99,200-}
     */
    public static String header(List<ByteRange> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("at least one range is needed");
        }
        StringJoiner j = new StringJoiner(",", "bytes=", "");
        ranges.forEach(r -> j.add(r.spec()));
        return j.toString();
    }
}
