package io.inetkit.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serves the files under one directory (what {@code python -m http.server} should have been):
 * GET and HEAD only (else 405), content types from a built-in table, {@code ETag} and
 * {@code Last-Modified} with 304 answers to {@code If-None-Match} / {@code If-Modified-Since},
 * single byte ranges (206, 416, {@code If-Range}; a request for several ranges gets the whole
 * file with 200), {@code index.html}, a redirect (301) from a directory without its trailing
 * slash, and HTML or JSON directory listings ({@code Accept: application/json} or
 * {@code ?format=json}).
 *
 * <p>Nothing outside the root is ever served: encoded slashes and backslashes in a segment,
 * dot segments, NUL, colons (drive letters), and symbolic links whose real path leaves the real
 * root all get 404 (the server already refuses dot segments and NUL with 400); so do files whose
 * names hold such characters. Listings leave out links that lead outside the root. Mount it on a
 * prefix:
 * <pre>{@code
 * HttpServer.builder().get("/files/", StaticFiles.of(Path.of("public"))).start();
 * }</pre>
 */
public final class StaticFiles implements HttpHandler {
    private static final int MAX_LISTING = 10_000;

    private final Path realRoot;
    private final boolean listings;
    private final String indexFile;

    private StaticFiles(Path realRoot, boolean listings, String indexFile) {
        this.realRoot = realRoot;
        this.listings = listings;
        this.indexFile = indexFile;
    }

    /**
     * Serves a directory with listings and {@code index.html}.
     *
     * @param root the directory
     * @return the handler
     * @throws IOException when the root does not exist or is not a directory
     */
    public static StaticFiles of(Path root) throws IOException {
        return of(root, true, "index.html");
    }

    /**
     * Serves a directory.
     *
     * @param root the directory
     * @param listings whether directories without an index file are listed (else 404)
     * @param indexFile the file served for a directory, or null for none
     * @return the handler
     * @throws IOException when the root does not exist or is not a directory
     */
    public static StaticFiles of(Path root, boolean listings, String indexFile) throws IOException {
        Path real = Objects.requireNonNull(root, "root").toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException("not a directory: " + root);
        }
        if (indexFile != null && (indexFile.isEmpty() || indexFile.contains("/") || indexFile.contains("\\") || indexFile.startsWith("."))) {
            throw new IllegalArgumentException("index file must be a plain file name, got " + HttpSyntax.quote(indexFile));
        }
        return new StaticFiles(real, listings, indexFile);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws IOException {
        if (!req.method().equals(Method.GET) && !req.method().equals(Method.HEAD)) {
            res.header("Allow", "GET, HEAD").sendText(Status.METHOD_NOT_ALLOWED, "Method Not Allowed\n");
            return;
        }
        List<String> segments = relativeSegments(req.rawPath(), req.routePrefix());
        Path target = segments == null ? null : resolve(segments);
        BasicFileAttributes attrs = null;
        if (target != null) {
            try {
                attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                attrs = null;
            }
        }
        if (attrs == null || !(attrs.isRegularFile() || attrs.isDirectory())) {
            res.sendText(Status.NOT_FOUND, "Not Found\n");
            return;
        }
        if (attrs.isDirectory()) {
            directory(req, res, target);
        } else {
            FileResponder.send(req, res, target, attrs);
        }
    }

    private void directory(ServerRequest req, ServerResponse res, Path dir) throws IOException {
        if (!req.rawPath().endsWith("/")) {
            String location = req.rawPath() + "/" + req.rawQuery().map(q -> "?" + q).orElse("");
            res.status(Status.MOVED_PERMANENTLY).header("Location", location).sendText(Status.MOVED_PERMANENTLY, "Moved Permanently\n");
            return;
        }
        if (indexFile != null) {
            Path index = dir.resolve(indexFile);
            try {
                Path real = index.toRealPath();
                BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
                if (real.startsWith(realRoot) && a.isRegularFile()) {
                    FileResponder.send(req, res, real, a);
                    return;
                }
            } catch (IOException e) {
                // no index file: list or 404
            }
        }
        if (!listings) {
            res.sendText(Status.NOT_FOUND, "Not Found\n");
            return;
        }
        List<DirectoryListing.Entry> entries = DirectoryListing.list(dir, realRoot, MAX_LISTING);
        boolean json = req.queryParameter("format").filter("json"::equals).isPresent()
                || req.header("Accept").filter(a -> a.contains("application/json")).isPresent();
        res.header("Vary", "Accept");
        if (json) {
            res.contentType("application/json").send(DirectoryListing.json(entries).getBytes(StandardCharsets.UTF_8));
        } else {
            res.contentType("text/html; charset=utf-8").send(DirectoryListing.html(req.path(), entries).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Splits the raw path below the route prefix into decoded segments.
     *
     * @return the segments, or null when one is unsafe (encoded slash, backslash, NUL, dot segment)
     */
    static List<String> relativeSegments(String rawPath, String prefix) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            String s = PathCodec.decode(raw, false);
            if (s == null || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0 || s.equals(".") || s.equals("..")
                    || s.indexOf(':') >= 0) {
                return null;
            }
            segments.add(s);
        }
        int skip = 0;
        for (String p : prefix.split("/")) {
            if (!p.isEmpty()) {
                if (skip >= segments.size() || !segments.get(skip).equals(p)) {
                    return null;
                }
                skip++;
            }
        }
        return segments.subList(skip, segments.size());
    }

    /** @return the path, or null when it (or a link on the way) leads outside the root or does not exist */
    private Path resolve(List<String> segments) {
        Path p = realRoot;
        for (String s : segments) {
            p = p.resolve(s);
        }
        if (!p.normalize().startsWith(realRoot)) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            return real.startsWith(realRoot) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses an HTTP date; @return epoch seconds, or -1 when invalid. */
    static long parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
