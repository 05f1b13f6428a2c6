package io.inetkit.http;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Serves the files under one directory (what {@code python -m http.server} should have been):
 * GET and HEAD only (else 405), content types from a built-in table, {@code ETag} and
 * {@code Last-Modified} with 304 answers to {@code If-None-Match} / {@code If-Modified-Since},
 * byte ranges (206, 416, {@code If-Range}; several ranges as one {@code multipart/byteranges},
 * overlapping or adjacent ones coalesced; more than 32 ranges, or more bytes than the file, get
 * the whole file with 200), {@code index.html}, a redirect (301) from a directory without its trailing
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
 *
 * <p>What a request path leads to is cached (see {@link Builder#cacheValidity}): the checked
 * real path, validators, content type and the encoded head of a plain 200, and the content of
 * small files, so a cached file costs no file system call. A cached answer is used without a
 * check for the validity period (default 1 s); after that the path is checked again (real
 * path, link targets, attributes) before the next answer, so a file changed, replaced or
 * deleted on disk, or a link changed to point outside the root, is seen at most that late.
 * Within the period a file rewritten in place can be sent as it was when checked.
 */
public final class StaticFiles implements HttpHandler {
    private static final int MAX_LISTING = 10_000;

    private final Path realRoot;
    private final boolean listings;
    private final String indexFile;
    private final FileCache cache;
    private final LongSupplier clock;

    private StaticFiles(Builder b, Path realRoot) {
        this.realRoot = realRoot;
        this.listings = b.listings;
        this.indexFile = b.indexFile;
        this.cache = new FileCache(b.cacheValidity.toNanos(), b.cacheEntries, b.cacheBytes, b.cacheFileBytes);
        this.clock = b.clock;
    }

    /**
     * Serves a directory with listings and {@code index.html}.
     *
     * @param root the directory
     * @return the handler
     * @throws IOException when the root does not exist or is not a directory
     */
    public static StaticFiles of(Path root) throws IOException {
        return builder(root).build();
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
        return builder(root).listings(listings).indexFile(indexFile).build();
    }

    /**
     * Starts configuring a handler for a directory: listings on, {@code index.html}, cache
     * validity 1 s, up to 10,000 cached paths and 32 MiB of content, files up to 64 KiB kept
     * in memory.
     *
     * @param root the directory
     * @return the builder
     */
    public static Builder builder(Path root) {
        return new Builder(Objects.requireNonNull(root, "root"));
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws IOException {
        if (!req.method().equals(Method.GET) && !req.method().equals(Method.HEAD)) {
            res.header("Allow", "GET, HEAD").sendText(Status.METHOD_NOT_ALLOWED, "Method Not Allowed\n");
            return;
        }
        String key = req.rawPath();
        long now = clock.getAsLong();
        CachedFile file = cache.fresh(key, now);
        if (file == null) {
            file = check(req, res, key, now);
            if (file == null) {
                return; // answered: 404, redirect or listing
            }
        }
        FileResponder.send(req, res, file);
    }

    /**
     * Resolves a request path on disk, as if for the first time. A regular file (or a
     * directory's index file) is cached and returned; anything else is answered here.
     *
     * @return the file to send, or null when the request was answered
     */
    private CachedFile check(ServerRequest req, ServerResponse res, String key, long now) throws IOException {
        List<String> segments = relativeSegments(req.rawPath(), req.routePrefix());
        Path target = segments == null ? null : resolve(segments);
        BasicFileAttributes attrs = target == null ? null : attributes(target);
        boolean directory = attrs != null && attrs.isDirectory();
        if (directory) {
            if (!req.rawPath().endsWith("/")) {
                cache.remove(key);
                String location = req.rawPath() + "/" + req.rawQuery().map(q -> "?" + q).orElse("");
                res.status(Status.MOVED_PERMANENTLY).header("Location", location).sendText(Status.MOVED_PERMANENTLY, "Moved Permanently\n");
                return null;
            }
            Path index = indexOf(target);
            if (index == null) {
                cache.remove(key);
                directory(req, res, target);
                return null;
            }
            target = index;
            attrs = attributes(index);
        }
        // "file.txt/" names a directory that is not there: 404, as nginx and Python's http.server
        // answer (served, it would also make relative links in the file resolve one level too deep)
        if (attrs == null || !attrs.isRegularFile() || !directory && req.rawPath().endsWith("/")) {
            cache.remove(key);
            res.sendText(Status.NOT_FOUND, "Not Found\n");
            return null;
        }
        CachedFile old = cache.any(key);
        CachedFile file;
        if (old != null && old.sameAs(target, attrs)) {
            file = old.checkedAgain(now);
        } else {
            boolean small = cache.keepsContent(attrs.size());
            file = CachedFile.of(target, attrs, small ? readSmall(target, attrs.size()) : null,
                    small || !cache.mayMap() ? null : map(target, attrs.size()), now);
        }
        cache.put(key, file);
        return file;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the content, or null when the file changed size while read (it is then sent from disk) */
    private static byte[] readSmall(Path file, long size) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length == size ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Maps a larger file read-only. A file cut shorter later makes a write from the mapping
     * fail with an IOException (the kernel copies, so no signal reaches Java); the mapping is
     * never read from Java.
     *
     * @return the mapping, or null when the file cannot be mapped (it is then sent from disk)
     */
    private static MappedByteBuffer map(Path file, long size) {
        if (size == 0 || size > Integer.MAX_VALUE) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.size() == size ? ch.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** @return the real path of the directory's index file when it is a regular file inside the root, else null */
    private Path indexOf(Path dir) {
        if (indexFile == null) {
            return null;
        }
        try {
            Path real = dir.resolve(indexFile).toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null; // no index file: list or 404
        }
    }

    private void directory(ServerRequest req, ServerResponse res, Path dir) throws IOException {
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

    /** {@return the cache (for tests)} */
    FileCache cache() {
        return cache;
    }

    /** Configures a {@link StaticFiles} handler. */
    public static final class Builder {
        private final Path root;
        private boolean listings = true;
        private String indexFile = "index.html";
        private Duration cacheValidity = Duration.ofSeconds(1);
        private int cacheEntries = 10_000;
        private long cacheBytes = 32L * 1024 * 1024;
        private long cacheFileBytes = 64 * 1024;
        private LongSupplier clock = System::nanoTime;

        private Builder(Path root) {
            this.root = root;
        }

        /**
         * Sets whether directories without an index file are listed (default yes; else 404).
         *
         * @param on true to list
         * @return this builder
         */
        public Builder listings(boolean on) {
            this.listings = on;
            return this;
        }

        /**
         * Sets the file served for a directory (default {@code index.html}).
         *
         * @param name a plain file name, or null for none
         * @return this builder
         */
        public Builder indexFile(String name) {
            if (name != null && (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("."))) {
                throw new IllegalArgumentException("index file must be a plain file name, got " + HttpSyntax.quote(name));
            }
            this.indexFile = name;
            return this;
        }

        /**
         * Sets how long what a request path led to is used before the path and the file's
         * attributes are checked again (default 1 s). Zero checks on every request (one
         * real-path resolution and stat per request; content and heads are still reused while
         * the file is unchanged).
         *
         * @param validity zero or more
         * @return this builder
         */
        public Builder cacheValidity(Duration validity) {
            Objects.requireNonNull(validity, "validity");
            if (validity.isNegative()) {
                throw new IllegalArgumentException("cache validity must not be negative, got " + validity);
            }
            this.cacheValidity = validity;
            return this;
        }

        /**
         * Bounds the cache.
         *
         * @param entries the most request paths remembered (0 turns the cache off)
         * @param contentBytes the most file content kept in memory, over all files
         * @param fileBytes the largest file whose content is kept in memory (larger ones are
         *     sent from disk with their cached head)
         * @return this builder
         */
        public Builder cacheLimits(int entries, long contentBytes, long fileBytes) {
            if (entries < 0 || contentBytes < 0 || fileBytes < 0 || fileBytes > 64 * 1024) {
                throw new IllegalArgumentException("cache limits must not be negative and files kept in memory at most 64 KiB, got "
                        + entries + ", " + contentBytes + ", " + fileBytes);
            }
            this.cacheEntries = entries;
            this.cacheBytes = contentBytes;
            this.cacheFileBytes = fileBytes;
            return this;
        }

        /** A clock for tests (nanoseconds, like {@link System#nanoTime()}). */
        Builder clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /**
         * Checks the root and builds the handler.
         *
         * @return the handler
         * @throws IOException when the root does not exist or is not a directory
         */
        public StaticFiles build() throws IOException {
            Path real = root.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IOException("not a directory: " + root);
            }
            return new StaticFiles(this, real);
        }
    }
}
