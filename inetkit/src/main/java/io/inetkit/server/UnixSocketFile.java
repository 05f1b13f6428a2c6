package io.inetkit.server;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/** The file of a Unix-domain listener: stale ones are removed before bind, ours after close. */
final class UnixSocketFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    private final Object fileKey;

    private UnixSocketFile(Path path, Object fileKey) {
        this.path = path;
        this.fileKey = fileKey;
    }

    /**
     * Removes a socket file nobody listens on. Refuses to touch anything but a socket.
     *
     * @param path the socket file
     * @throws IOException when the path is not a socket, or a server listens on it
     */
    static void removeStale(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!isSocket(path, attrs)) {
            throw new FileAlreadyExistsException(path.toString(), null, "exists and is not a socket; not removing it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (ConnectException e) {
            Files.deleteIfExists(path); // nobody listens: a dead server left it
            return;
        }
        throw new BindException("another server listens on " + path);
    }

    private static boolean isSocket(Path path, BasicFileAttributes attrs) {
        if (!attrs.isOther()) {
            return false;
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK; // tells a socket from a FIFO or a device
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return true; // no "unix" view here: "other" is the best we know
        }
    }

    /**
     * Remembers the file a listener just created, to delete only that file later.
     *
     * @param path the socket file
     * @return the record
     * @throws IOException when the file cannot be read
     */
    static UnixSocketFile created(Path path) throws IOException {
        var attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new UnixSocketFile(path, attrs.fileKey());
    }

    /** Deletes the file if it is still ours (another server may have replaced it). */
    void delete() {
        try {
            var attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (fileKey == null || Objects.equals(fileKey, attrs.fileKey())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            ServerCore.LOG.log(System.Logger.Level.DEBUG, () -> "cannot remove socket file " + path + ": " + e);
        }
    }
}
