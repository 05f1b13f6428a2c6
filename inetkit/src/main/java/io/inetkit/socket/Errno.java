package io.inetkit.socket;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.util.Locale;

/**
 * Error codes in the style of C's {@code errno}, as returned by {@link Socket#connectEx(Address)}.
 * The numbers are Linux's; the JDK hides the real errno, so codes are derived from the
 * exception type and, failing that, from the operating system's message text.
 */
public enum Errno {
    /** Success. */
    OK(0, "success"),
    /** Operation not permitted. */
    EPERM(1, "operation not permitted"),
    /** No such file or directory (a Unix socket path that does not exist). */
    ENOENT(2, "no such file or directory"),
    /** An input/output error this table has no closer code for. */
    EIO(5, "input/output error"),
    /** The socket is closed. */
    EBADF(9, "socket is closed"),
    /** The operation would block (non-blocking socket). */
    EAGAIN(11, "operation would block"),
    /** Permission denied. */
    EACCES(13, "permission denied"),
    /** Invalid argument. */
    EINVAL(22, "invalid argument"),
    /** Broken pipe: the peer closed its end. */
    EPIPE(32, "broken pipe"),
    /** The address is already in use. */
    EADDRINUSE(98, "address already in use"),
    /** The address is not one of this host's. */
    EADDRNOTAVAIL(99, "cannot assign requested address"),
    /** The network is unreachable. */
    ENETUNREACH(101, "network is unreachable"),
    /** The connection was aborted locally. */
    ECONNABORTED(103, "connection aborted"),
    /** The peer reset the connection. */
    ECONNRESET(104, "connection reset by peer"),
    /** The socket is already connected. */
    EISCONN(106, "socket is already connected"),
    /** The socket is not connected. */
    ENOTCONN(107, "socket is not connected"),
    /** The operation timed out. */
    ETIMEDOUT(110, "connection timed out"),
    /** Nobody listens at the address. */
    ECONNREFUSED(111, "connection refused"),
    /** No route to the host. */
    EHOSTUNREACH(113, "no route to host"),
    /** A non-blocking connect is already in progress. */
    EALREADY(114, "connection already in progress"),
    /** A non-blocking connect has started and not finished yet. */
    EINPROGRESS(115, "connection in progress");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /**
     * The Linux errno number.
     *
     * @return the number, 0 for {@link #OK}
     */
    public int number() {
        return number;
    }

    /**
     * A short lower-case description, as in "connection refused".
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The code with this number.
     *
     * @param number a Linux errno number
     * @return the code
     * @throws IllegalArgumentException if this table does not hold the number
     */
    public static Errno of(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown errno " + number);
    }

    /**
     * The code that best describes an exception from a socket operation. Exceptions of this
     * package carry their code; JDK exceptions are mapped by type, then by the operating
     * system's message text; anything else is {@link #EIO}.
     *
     * @param failure the exception
     * @return the code, never {@link #OK}
     */
    public static Errno fromException(Throwable failure) {
        return switch (failure) {
            case ConnectFailedException c -> c.errno();
            case SocketFailureException s -> s.errno();
            case WouldBlockException w -> w.errno();
            case SocketTimeoutException t -> ETIMEDOUT;
            case ClosedChannelException c -> EBADF;
            case SocketClosedException c -> EBADF;
            case AlreadyConnectedException a -> EISCONN;
            case ConnectionPendingException p -> EALREADY;
            case NotYetConnectedException n -> ENOTCONN;
            case NoRouteToHostException n -> fromMessage(n.getMessage(), EHOSTUNREACH);
            case PortUnreachableException p -> ECONNREFUSED;
            case BindException b -> fromMessage(b.getMessage(), EADDRINUSE);
            case ConnectException c -> fromMessage(c.getMessage(), ECONNREFUSED);
            case IOException io -> fromMessage(io.getMessage(), EIO);
            default -> EIO;
        };
    }

    private static Errno fromMessage(String message, Errno fallback) {
        if (message == null) {
            return fallback;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("refused")) {
            return ECONNREFUSED;
        } else if (m.contains("network is unreachable")) {
            return ENETUNREACH;
        } else if (m.contains("no route to host") || m.contains("host is unreachable")) {
            return EHOSTUNREACH;
        } else if (m.contains("timed out")) {
            return ETIMEDOUT;
        } else if (m.contains("connection reset")) {
            return ECONNRESET;
        } else if (m.contains("broken pipe")) {
            return EPIPE;
        } else if (m.contains("cannot assign requested address")) {
            return EADDRNOTAVAIL;
        } else if (m.contains("address already in use")) {
            return EADDRINUSE;
        } else if (m.contains("permission denied")) {
            return EACCES;
        } else if (m.contains("operation not permitted")) {
            return EPERM;
        } else if (m.contains("no such file")) {
            return ENOENT;
        } else if (m.contains("invalid argument")) {
            return EINVAL;
        } else if (m.contains("abort")) {
            return ECONNABORTED;
        } else if (m.contains("not connected")) {
            return ENOTCONN;
        }
        return fallback;
    }
}
