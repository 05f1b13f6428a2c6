package io.inetkit.socket;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/** Unix socket files: removing a dead server's stale file before bind, and our own on close. */
final class UnixPaths {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private UnixPaths() {
    }

    /**
     * Makes {@code path} free for bind. A socket file nobody listens on is a leftover of a dead
     * server and is deleted; a live one, or any file that is not a socket, is left alone and
     * the bind fails with a message that says why.
     */
    static void clearStale(Path path) throws IOException {
        if (path.toString().isEmpty() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!isSocket(path)) {
            throw new BindException("cannot bind " + path
                    + ": a file that is not a socket is in the way; refusing to delete it");
        }
        if (someoneListens(path)) {
            throw new BindException("address already in use: a server is listening on " + path);
        }
        Files.deleteIfExists(path);
    }

    static boolean isSocket(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            // Without the "unix" view, "other" (not file, directory or link) is the best guess.
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        }
    }

    /** Tries a non-blocking connect: refused means stale; pending (full backlog) means alive. */
    private static boolean someoneListens(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.configureBlocking(false);
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The identity (device and inode) of the file at {@code path}, or null. */
    static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes our socket file, unless someone replaced it since we bound. */
    static void removeOwn(Path path, Object key) throws IOException {
        if (key != null && Objects.equals(key, fileKey(path))) {
            Files.deleteIfExists(path);
        }
    }
}
