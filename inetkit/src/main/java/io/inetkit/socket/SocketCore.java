package io.inetkit.socket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state one {@link Socket} shares between its parts: the current NIO channel, timeout,
 * options set so far, the socket file it owns, and the checks and error translation every
 * operation uses.
 */
final class SocketCore {
    static final System.Logger LOG = System.getLogger(Socket.class.getName());

    final Family family;
    final Kind kind;
    /** The DGRAM channel; null for STREAM. */
    final DatagramChannel datagram;
    /** Guards changes of channel, options, timeout mode and the socket file. */
    final ReentrantLock stateLock = new ReentrantLock();
    final Waiter readWaiter = new Waiter();
    final Waiter writeWaiter = new Waiter();
    /** Options the user set, replayed on a channel that replaces the current one. */
    final Map<Option<?>, Object> userOptions = new LinkedHashMap<>(); // stateLock
    /** STREAM before listen, or connected; null after listen. */
    volatile SocketChannel stream;
    /** STREAM after listen. */
    volatile ServerSocketChannel server;
    volatile Duration timeout;
    volatile boolean closed;
    private Path ownSocketFile; // stateLock
    private Object ownSocketFileKey; // stateLock

    SocketCore(Family family, Kind kind, SocketChannel stream, DatagramChannel datagram) {
        this.family = family;
        this.kind = kind;
        this.stream = stream;
        this.datagram = datagram;
    }

    /** The channel this socket uses now (each kind is also a SelectableChannel). */
    NetworkChannel current() {
        if (datagram != null) {
            return datagram;
        }
        ServerSocketChannel srv = server;
        return srv != null ? srv : stream;
    }

    void ensureOpen() throws SocketClosedException {
        if (closed) {
            throw new SocketClosedException("socket is closed");
        }
    }

    SocketChannel connectedStream(String op) throws IOException {
        ensureOpen();
        if (server != null) {
            throw new IllegalStateException(op + " on a listening socket; accept a connection first");
        }
        SocketChannel ch = stream;
        if (!ch.isConnected()) {
            throw new IllegalStateException(op + " needs a connected socket; call connect first");
        }
        return ch;
    }

    void checkFamily(Address address, String op) {
        Objects.requireNonNull(address, "address");
        boolean fits = switch (family) {
            case UNIX -> address instanceof Address.Unix;
            case INET -> address instanceof Address.Inet i && i.host() instanceof Inet4Address;
            case INET6 -> address instanceof Address.Inet; // IPv4 works through the dual stack
        };
        if (!fits) {
            String need = switch (family) {
                case UNIX -> "a path";
                case INET -> "an IPv4 address";
                case INET6 -> "an IP address";
            };
            throw new IllegalArgumentException(op + ": " + (family == Family.UNIX ? "a " : "an ") + family
                    + " socket needs " + need + ", got " + address);
        }
    }

    /** "an INET STREAM socket", "a listening INET6 STREAM socket". */
    String describe() {
        String article = family == Family.UNIX ? "a " : "an ";
        return server != null ? "a listening " + family + " " + kind + " socket"
                : article + family + " " + kind + " socket";
    }

    /** Turns JDK exceptions into this package's, with a message that says what failed. */
    IOException failure(String op, IOException e) {
        return switch (e) {
            case WouldBlockException w -> w;
            case TimedOutException t -> t;
            case SocketClosedException c -> c;
            case ConnectFailedException c -> c;
            case SocketFailureException f -> f;
            case ClosedByInterruptException c -> new SocketClosedException(op + " was interrupted; the socket is closed");
            case AsynchronousCloseException c -> new SocketClosedException("socket closed by another thread during " + op);
            case ClosedChannelException c -> new SocketClosedException("socket is closed");
            case InterruptedIOException i -> i;
            default -> {
                Errno errno = Errno.fromException(e);
                yield new SocketFailureException(errno, op + peerSuffix() + " failed: " + explain(errno, e), e);
            }
        };
    }

    /** "connection reset by peer (ECONNRESET)"; for EIO the JDK's own words say more. */
    static String explain(Errno errno, IOException e) {
        String text = errno == Errno.EIO && e.getMessage() != null ? e.getMessage() : errno.description();
        return text + " (" + errno.name() + ")";
    }

    private String peerSuffix() {
        try {
            return isConnected() ? " (peer " + peerAddress() + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    boolean isConnected() {
        if (closed) {
            return false;
        }
        if (kind == Kind.DGRAM) {
            return datagram.isConnected();
        }
        SocketChannel ch = stream;
        return ch != null && ch.isConnected();
    }

    boolean isListening() {
        return !closed && server != null;
    }

    Address peerAddress() throws IOException {
        ensureOpen();
        SocketChannel ch = stream;
        SocketAddress remote = kind == Kind.DGRAM ? datagram.getRemoteAddress()
                : ch == null ? null : ch.getRemoteAddress();
        if (remote == null) {
            throw new IllegalStateException("socket is not connected");
        }
        return Address.of(remote);
    }

    Address localAddress() throws IOException {
        ensureOpen();
        SocketAddress local = current().getLocalAddress();
        if (local != null) {
            return Address.of(local);
        }
        return switch (family) {
            case INET -> new Address.Inet(InetAddress.getByAddress(new byte[4]), 0);
            case INET6 -> new Address.Inet(InetAddress.getByAddress(new byte[16]), 0);
            case UNIX -> new Address.Unix(Path.of(""));
        };
    }

    <T> void setOption(Option<T> option, T value) throws IOException {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        stateLock.lock();
        try {
            ensureOpen();
            OptionSupport.set(current(), family, option, value, describe());
            userOptions.put(option, value);
        } finally {
            stateLock.unlock();
        }
    }

    <T> T getOption(Option<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        ensureOpen();
        return OptionSupport.get(current(), family, option, describe());
    }

    void setTimeout(Duration newTimeout) throws IOException {
        if (newTimeout != null && newTimeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + newTimeout);
        }
        stateLock.lock();
        try {
            timeout = newTimeout;
            if (!closed) {
                applyBlockingMode((SelectableChannel) current());
            }
        } finally {
            stateLock.unlock();
        }
    }

    /** Blocking channel for no timeout, non-blocking (with selector waits) otherwise. */
    void applyBlockingMode(SelectableChannel ch) throws IOException {
        boolean blocking = timeout == null;
        if (ch.isBlocking() == blocking) {
            return;
        }
        if (!blocking) {
            ch.configureBlocking(false);
            return;
        }
        // A channel registered with a selector cannot turn blocking: drop the selectors, and keep
        // waiters in other threads from registering again until the switch is done.
        readWaiter.suspend();
        try {
            writeWaiter.suspend();
            try {
                ch.configureBlocking(true);
            } finally {
                writeWaiter.resume();
            }
        } finally {
            readWaiter.resume();
        }
    }

    int fileno() {
        return closed ? -1 : Descriptors.of(current());
    }

    /** Notes the socket file this socket just created, to delete it on close. */
    void rememberSocketFile(NetworkChannel ch) throws IOException {
        if (family == Family.UNIX && ch.getLocalAddress() instanceof UnixDomainSocketAddress u
                && !u.getPath().toString().isEmpty()) {
            ownSocketFile = u.getPath();
            ownSocketFileKey = UnixPaths.fileKey(u.getPath());
        }
    }

    void removeOwnSocketFile() {
        Path path = ownSocketFile;
        if (path == null) {
            return;
        }
        ownSocketFile = null;
        try {
            UnixPaths.removeOwn(path, ownSocketFileKey);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete socket file " + path, e);
        }
    }

    void close() {
        stateLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(stream);
            closeQuietly(server);
            closeQuietly(datagram);
            removeOwnSocketFile();
        } finally {
            stateLock.unlock();
        }
        // After the channels: wakes timed waiters, and the selector close frees the descriptors.
        try {
            readWaiter.close();
            writeWaiter.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing selector failed", e);
        }
    }

    static void closeQuietly(Channel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing channel failed", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Socket[").append(family).append(' ').append(kind);
        if (closed) {
            return s.append(" closed]").toString();
        }
        try {
            SocketAddress local = current().getLocalAddress();
            if (local != null) {
                s.append(' ').append(Address.of(local));
            }
            if (isListening()) {
                s.append(" listening");
            } else if (isConnected()) {
                s.append(" -> ").append(peerAddress());
            }
        } catch (IOException | RuntimeException e) {
            s.append(" ?");
        }
        return s.append(']').toString();
    }
}
