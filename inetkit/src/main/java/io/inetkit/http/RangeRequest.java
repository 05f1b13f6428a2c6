package io.inetkit.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@code Range} request header (RFC 9110 §14.2) asks of a file of a known size: the whole
 * file (the header is ignored), nothing it has (416), or some byte spans (206).
 */
sealed interface RangeRequest {

    /**
     * The most range-specs one header may list before it is ignored (200 with the whole file), as
     * Apache's {@code MaxRanges}: many small or overlapping ranges cost a part head and a seek
     * each, which is the "Apache Killer" (CVE-2011-3192). Real clients (download managers,
     * PDF viewers, media players) ask for a few at a time.
     */
    int MAX_RANGES = 32;

    /** Send the whole file with 200: no valid header, too many ranges, or more bytes than the file. */
    record Whole() implements RangeRequest {}

    /** Send 416: no range overlaps the file. */
    record Unsatisfiable() implements RangeRequest {}

    /**
     * Send these spans with 206: in request order, none empty, overlapping or adjacent.
     *
     * @param spans one or more spans
     */
    record Parts(List<Span> spans) implements RangeRequest {
        /** Copies the spans. */
        public Parts {
            spans = List.copyOf(spans);
        }
    }

    /**
     * Bytes {@code first} to {@code last} of the file, both included.
     *
     * @param first the first offset
     * @param last the last offset, at least first and below the size
     */
    record Span(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /**
     * Resolves a {@code bytes=} header against the file's size: suffix and open-ended ranges,
     * last positions clamped; ranges wholly past the end are dropped, then overlapping or
     * adjacent ones coalesced (RFC 9110 §14.2 allows it).
     *
     * @param header the Range header value
     * @param size the file's length
     * @return what to send
     */
    static RangeRequest parse(String header, long size) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole(); // another unit, or not a range at all: ignored (RFC 9110 §14.2)
        }
        List<Span> spans = new ArrayList<>();
        int specs = 0;
        long total = 0;
        // a bounded split: past MAX_RANGES + 1 elements the last one holds commas and is invalid,
        // so a header of thousands of ranges costs no more than 34 elements
        for (String element : h.substring(6).split(",", MAX_RANGES + 2)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }
            if (++specs > MAX_RANGES) {
                return new Whole();
            }
            Span s = span(spec, size);
            if (s == INVALID) {
                return new Whole(); // an invalid ranges-specifier voids the whole header
            }
            if (s != null) {
                spans.add(s);
                total += s.length();
                if (total > size) {
                    return new Whole(); // the parts would cost more than the file
                }
            }
        }
        if (specs == 0) {
            return new Whole();
        }
        return spans.isEmpty() ? new Unsatisfiable() : new Parts(coalesce(spans));
    }

    /** Marks a range-spec that is not one. */
    Span INVALID = new Span(-1, -1);

    /** @return the span, null when it is valid but past the end, or {@link #INVALID} */
    private static Span span(String spec, long size) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return INVALID;
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        if (a.isEmpty()) {
            long suffix = digits(b);
            if (suffix < 0) {
                return INVALID;
            }
            return suffix == 0 || size == 0 ? null : new Span(Math.max(0, size - suffix), size - 1);
        }
        long first = digits(a);
        long last = b.isEmpty() ? Long.MAX_VALUE : digits(b);
        if (first < 0 || last < 0 || last < first) {
            return INVALID;
        }
        return first >= size ? null : new Span(first, Math.min(last, size - 1));
    }

    /** @return the number, Long.MAX_VALUE when it has more than 18 digits, or -1 when not all digits */
    private static long digits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        // a last position past any file is valid (RFC 9110 §14.1.2: "bytes=3-99999999999999999999"
        // means to the end), so a number too long for a long saturates instead of voiding the range
        return s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
    }

    /**
     * Merges overlapping or adjacent spans. Each merged span takes the place of its earliest
     * member, so the parts keep the request's order (RFC 9110 §14.6: SHOULD).
     */
    private static List<Span> coalesce(List<Span> spans) {
        List<Integer> byFirst = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            byFirst.add(i);
        }
        byFirst.sort(Comparator.comparingLong(i -> spans.get(i).first()));
        List<long[]> merged = new ArrayList<>(); // {first, last, earliest index}
        for (int i : byFirst) {
            Span s = spans.get(i);
            long[] m = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (m != null && s.first() <= m[1] + 1) {
                m[1] = Math.max(m[1], s.last());
                m[2] = Math.min(m[2], i);
            } else {
                merged.add(new long[] {s.first(), s.last(), i});
            }
        }
        merged.sort(Comparator.comparingLong(m -> m[2]));
        return merged.stream().map(m -> new Span(m[0], m[1])).toList();
    }
}
