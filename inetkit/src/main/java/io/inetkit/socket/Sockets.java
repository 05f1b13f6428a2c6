package io.inetkit.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Python's module-level helpers: {@code create_server}, {@code create_connection}, {@code has_dualstack_ipv6}. */
public final class Sockets {
    private Sockets() {
    }

    /**
     * A listening STREAM socket with {@link ServerConfig#DEFAULT}.
     *
     * @param address where to listen; its family picks the socket's
     * @return the listening socket
     * @throws IOException if the address cannot be bound
     */
    public static Socket createServer(Address address) throws IOException {
        return createServer(address, ServerConfig.DEFAULT);
    }

    /**
     * A listening STREAM socket: Python's {@code create_server}. INET and INET6 sockets get
     * {@code SO_REUSEADDR} (as Python does on POSIX). The JDK makes every IPv6 socket
     * dual-stack, so an INET6 server on {@code ::} accepts IPv4 clients even without
     * {@code dualStackIpv6} (Python would set IPV6_V6ONLY there; the JDK cannot).
     *
     * @param address where to listen; its family picks the socket's
     * @param config backlog, port sharing, dual stack
     * @return the listening socket
     * @throws IllegalArgumentException if dual stack is asked for a non-IPv6 address
     * @throws UnsupportedOperationException if port sharing is asked and not available
     * @throws IOException if the address cannot be bound
     */
    public static Socket createServer(Address address, ServerConfig config) throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(config, "config");
        Family family = Family.of(address);
        if (config.dualStackIpv6() && family != Family.INET6) {
            throw new IllegalArgumentException("dualStackIpv6 needs an IPv6 address, got " + address);
        }
        if (config.dualStackIpv6() && !hasDualStackIpv6()) {
            throw new UnsupportedOperationException("this JVM cannot open dual-stack IPv6 sockets");
        }
        Socket socket = Socket.open(family, Kind.STREAM);
        try {
            if (family != Family.UNIX) {
                socket.setOption(Options.SO_REUSEADDR, true);
            }
            if (config.reusePort()) {
                socket.setOption(Options.SO_REUSEPORT, true);
            }
            if (config.dualStackIpv6()) {
                socket.setOption(Options.IPV6_V6ONLY, false);
            }
            socket.bindAndListen(address, config.backlog());
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects to a host by name: Python's {@code create_connection}. Tries each resolved
     * address in turn; if all fail, throws the last failure with the earlier ones attached as
     * suppressed exceptions. The timeout bounds each attempt and stays set on the socket.
     *
     * @param host a host name or IP literal
     * @param port 1..65535
     * @param timeout null to block, or the timeout for each attempt and later operations
     * @param source a local address to bind first, or null
     * @return the connected STREAM socket
     * @throws UnknownHostException if the name does not resolve
     * @throws IOException the last connect failure
     */
    public static Socket createConnection(String host, int port, Duration timeout, Address.Inet source)
            throws IOException {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, got " + port);
        }
        return connectFirst(List.of(InetAddress.getAllByName(host)), port, timeout, source);
    }

    /** Tries each candidate in turn; the last failure carries the earlier ones as suppressed. */
    static Socket connectFirst(List<InetAddress> candidates, int port, Duration timeout, Address.Inet source)
            throws IOException {
        IOException last = null;
        for (InetAddress candidate : candidates) {
            Address.Inet target = new Address.Inet(candidate, port);
            Family family = Family.of(target);
            if (source != null && family == Family.INET && Family.of(source) != Family.INET) {
                continue; // an IPv6 source cannot reach an IPv4 target from an INET socket
            }
            Socket socket = Socket.open(family, Kind.STREAM);
            try {
                socket.setTimeout(timeout);
                if (source != null) {
                    socket.bind(source);
                }
                socket.connect(target);
                return socket;
            } catch (IOException e) {
                socket.close();
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
            } catch (RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        if (last == null) {
            throw new UnknownHostException("no address of " + candidates + " fits the source address " + source);
        }
        throw last;
    }

    /**
     * Connects without a source address.
     *
     * @param host a host name or IP literal
     * @param port 1..65535
     * @param timeout null to block, or the timeout for each attempt and later operations
     * @return the connected STREAM socket
     * @throws IOException as {@link #createConnection(String, int, Duration, Address.Inet)}
     */
    public static Socket createConnection(String host, int port, Duration timeout) throws IOException {
        return createConnection(host, port, timeout, null);
    }

    /**
     * Whether one IPv6 socket can serve IPv4 and IPv6 clients: Python's
     * {@code has_dualstack_ipv6}. The JDK opens IPv6 sockets dual-stack, so this is whether an
     * IPv6 socket can be opened at all (not when {@code java.net.preferIPv4Stack} is set or the
     * kernel lacks IPv6).
     *
     * @return true if dual-stack IPv6 sockets are available
     */
    public static boolean hasDualStackIpv6() {
        if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
            return false;
        }
        try {
            Socket.open(Family.INET6, Kind.STREAM).close();
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
