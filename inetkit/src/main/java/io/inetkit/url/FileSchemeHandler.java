package io.inetkit.url;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Opens {@code file:} URLs of regular files and directories on this machine. A directory
 * opens as a plain-text listing, one name per line, sub-directories ending in {@code /}.
 * Paths with {@code .} or {@code ..} segments, hosts other than {@code localhost}, and special
 * files (devices, pipes, sockets) are refused, so a URL never means more than it shows.
 */
public final class FileSchemeHandler implements SchemeHandler {

    /** The most entries a directory listing shows; a bigger listing is refused. */
    public static final int MAX_LISTING_ENTRIES = 100_000;

    /** Creates the handler. */
    public FileSchemeHandler() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public OpenedUrl open(URI uri) throws IOException {
        Path path = toPath(uri);
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        if (attrs.isDirectory()) {
            byte[] listing = listing(path);
            return new OpenedUrl(uri, OpenedUrl.NO_STATUS, "text/plain; charset=utf-8", listing.length,
                    new ByteArrayInputStream(listing));
        }
        if (!attrs.isRegularFile()) {
            throw new IOException(path + " is not a regular file or directory");
        }
        String type = URLConnection.getFileNameMap().getContentTypeFor(path.getFileName().toString());
        return new OpenedUrl(uri, OpenedUrl.NO_STATUS, type, attrs.size(), Files.newInputStream(path));
    }

    static Path toPath(URI uri) throws IOException {
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IOException("a file URL needs an absolute path, like file:///tmp/x; got " + uri);
        }
        String host = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw new IOException("file URLs on other hosts are not supported: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IOException("a file URL has no query or fragment: " + uri);
        }
        String p = uri.getPath();
        if (p == null || !p.startsWith("/")) {
            throw new IOException("a file URL needs an absolute path: " + uri);
        }
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IOException("a file URL may not contain \"" + segment + "\" segments: " + uri);
            }
        }
        try {
            return Path.of(p);
        } catch (InvalidPathException e) {
            throw new IOException("invalid file path in " + uri + ": " + e.getReason(), e);
        }
    }

    private static byte[] listing(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (names.size() == MAX_LISTING_ENTRIES) {
                    throw new IOException(dir + " has more than " + MAX_LISTING_ENTRIES + " entries");
                }
                String name = entry.getFileName().toString();
                names.add(Files.isDirectory(entry) ? name + "/" : name);
            }
        }
        Collections.sort(names);
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(n).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
