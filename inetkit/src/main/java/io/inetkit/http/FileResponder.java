package io.inetkit.http;

import java.io.IOException;

/** Sends one regular file: validators, conditional requests (304) and a single byte range (206/416). */
final class FileResponder {

    private FileResponder() {}

    static void send(ServerRequest req, ServerResponse res, CachedFile file) throws IOException {
        Headers h = req.headers();
        String inm = h.firstOrNull("If-None-Match");
        String ims = inm == null ? h.firstOrNull("If-Modified-Since") : null;
        String range = h.firstOrNull("Range");
        if (inm == null && ims == null && range == null && res.sendCached(file)) {
            return; // the common case: a plain 200 with the prepared head
        }
        long size = file.size();
        String etag = file.etag();
        res.header("ETag", etag).header("Last-Modified", file.lastModified()).header("Accept-Ranges", "bytes");
        if (inm != null ? etagMatches(inm, etag) : notModifiedSince(ims, file.modified().toMillis())) {
            res.status(Status.NOT_MODIFIED);
            return;
        }
        res.contentType(file.contentType());
        if (range != null && ifRangeHolds(req, etag, file.lastModified())) {
            long[] r = parseRange(range, size);
            if (r == UNSATISFIABLE) {
                res.header("Content-Range", "bytes */" + size).sendText(Status.RANGE_NOT_SATISFIABLE, "Range Not Satisfiable\n");
                return;
            }
            if (r != null) {
                res.status(Status.PARTIAL_CONTENT).header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
                send(res, file, r[0], r[1] - r[0] + 1);
                return;
            }
        }
        send(res, file, 0, size);
    }

    private static void send(ServerResponse res, CachedFile file, long position, long count) throws IOException {
        res.sendCachedRange(file, position, count);
    }

    private static boolean notModifiedSince(String ims, long mtimeMillis) {
        if (ims == null) {
            return false;
        }
        long since = StaticFiles.parseHttpDate(ims);
        return since >= 0 && mtimeMillis / 1000 <= since;
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code *} or any listed tag equal ignoring {@code W/}. */
    static boolean etagMatches(String header, String etag) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (String t : header.split(",")) {
            String tag = t.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** If-Range: a strong ETag equal to ours, or a date equal to Last-Modified; else the whole file is sent. */
    private static boolean ifRangeHolds(ServerRequest req, String etag, String lastModified) {
        String ifRange = req.header("If-Range").orElse(null);
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        long date = StaticFiles.parseHttpDate(v);
        return date >= 0 && date == StaticFiles.parseHttpDate(lastModified);
    }

    static final long[] UNSATISFIABLE = new long[0];

    /**
     * Parses a single {@code bytes=} range.
     *
     * @return {first, last}, {@link #UNSATISFIABLE}, or null to ignore the header (invalid, or several ranges)
     */
    static long[] parseRange(String header, long size) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        long first;
        long last;
        if (a.isEmpty()) {
            long suffix = digits(b);
            if (suffix < 0) {
                return null;
            }
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = digits(a);
            last = b.isEmpty() ? size - 1 : digits(b);
            if (first < 0 || last < 0 || (!b.isEmpty() && last < first)) {
                return null;
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            last = Math.min(last, size - 1);
        }
        return new long[] {first, last};
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
}
