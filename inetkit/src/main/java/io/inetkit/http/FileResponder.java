package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Sends one regular file: validators, conditional requests (304) and byte ranges (206/416): one
 * range from the file as it is, several as {@code multipart/byteranges} ({@link ByteRangesBody}).
 */
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
        RangeRequest ranges = range != null && ifRangeHolds(req, etag, file.lastModified())
                ? RangeRequest.parse(range, size) : new RangeRequest.Whole();
        switch (ranges) {
            case RangeRequest.Unsatisfiable u ->
                res.header("Content-Range", "bytes */" + size).sendText(Status.RANGE_NOT_SATISFIABLE, "Range Not Satisfiable\n");
            case RangeRequest.Parts p when p.spans().size() == 1 -> {
                RangeRequest.Span s = p.spans().get(0);
                res.status(Status.PARTIAL_CONTENT).header("Content-Range", "bytes " + s.first() + "-" + s.last() + "/" + size);
                res.sendCachedRange(file, s.first(), s.length());
            }
            case RangeRequest.Parts p -> sendParts(req, res, file, p.spans());
            case RangeRequest.Whole w -> res.sendCachedRange(file, 0, size);
        }
    }

    /** Several spans: one 206 multipart/byteranges with its exact length; HEAD reads nothing. */
    private static void sendParts(ServerRequest req, ServerResponse res, CachedFile file, List<RangeRequest.Span> spans)
            throws IOException {
        ByteRangesBody parts = new ByteRangesBody(file, spans);
        res.status(Status.PARTIAL_CONTENT).contentType(parts.contentType()).contentLength(parts.contentLength());
        OutputStream body = res.body();
        if (!Method.HEAD.equals(req.method())) {
            parts.writeTo(body);
        }
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
}
