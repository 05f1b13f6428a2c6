package io.inetkit.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocket;

/**
 * Opens TCP connections with timeouts, optionally with implicit TLS. Immutable and
 * thread-safe; configure it once and share it.
 *
 * <p>Every address the host resolves to is tried in turn, alternating IPv6 and IPv4
 * (starting with the resolver's first choice), each with the full connect timeout. Failures
 * are {@link DialFailure} exceptions whose messages name the host and port.
 *
 * <p>With {@link Builder#unixSocket(Path)} every connection goes to that Unix-domain socket
 * instead (curl's {@code --unix-socket}): nothing is resolved, the endpoint only names the
 * host for TLS and the caller's protocol, and failures name the socket's path.
 *
 * <pre>{@code
 * Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withConnect(Duration.ofSeconds(5))).build();
 * try (SSLSocket s = dialer.connectTls(Endpoint.of("imap.example.org", 993))) { ... }
 * }</pre>
 */
public final class Dialer {

    private static final Dialer DEFAULTS = builder().build();

    private final Timeouts timeouts;
    private final InetAddress sourceAddress;
    private final TlsConfig tls;
    private final Resolver resolver;
    private final Path unixSocket;

    private Dialer(Builder b) {
        this.unixSocket = b.unixSocket;
        this.timeouts = b.timeouts;
        this.sourceAddress = b.sourceAddress;
        this.tls = b.tls;
        this.resolver = b.resolver;
    }

    /** @return a dialer with default timeouts and TLS settings */
    public static Dialer defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the timeouts; the read timeout is set on every socket returned */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** @return the Unix-domain socket every connection goes to, or null for TCP */
    public Path unixSocket() {
        return unixSocket;
    }

    /** @return the TLS settings used by {@link #connectTls(Endpoint)} */
    public TlsConfig tls() {
        return tls;
    }

    /**
     * Opens a plain TCP connection.
     *
     * @param endpoint where to connect
     * @return the connected socket, with the read timeout and TCP_NODELAY set
     * @throws IOException a {@link DialFailure} exception if no address could be reached
     */
    public Socket connect(Endpoint endpoint) throws IOException {
        return connect(endpoint, DialListener.NONE);
    }

    /**
     * Opens a plain TCP connection, telling a listener about each step (for timings and logs).
     *
     * @param endpoint where to connect
     * @param listener hears the resolution, each failed address and the connection
     * @return the connected socket, with the read timeout and TCP_NODELAY set
     * @throws IOException a {@link DialFailure} exception if no address could be reached
     */
    public Socket connect(Endpoint endpoint, DialListener listener) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(listener, "listener");
        if (unixSocket != null) {
            return connectUnix(endpoint, listener);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(endpoint.host(), endpoint.port());
        } catch (UnknownHostException e) {
            throw new HostNotFoundException(endpoint, "unknown host " + endpoint.host()
                    + ": the name could not be resolved (connecting to " + endpoint + ")", e);
        }
        List<InetAddress> order = interleave(addresses);
        if (order.isEmpty()) {
            throw new HostNotFoundException(endpoint, "unknown host " + endpoint.host()
                    + ": no usable address (connecting to " + endpoint + ")", null);
        }
        listener.resolved(endpoint, order);
        IOException last = null;
        List<IOException> failures = new ArrayList<>();
        for (InetAddress address : order) {
            Socket socket;
            try {
                socket = attempt(address, endpoint);
            } catch (IOException e) {
                failures.add(e);
                last = e;
                listener.attemptFailed(endpoint, new InetSocketAddress(address, endpoint.port()), e);
                continue;
            }
            return handOver(endpoint, socket, listener);
        }
        IOException failure = describe(endpoint, last, order.size());
        for (IOException e : failures) {
            if (e != last) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /**
     * Opens a TCP connection and starts TLS at once (implicit TLS: HTTPS, SMTPS, IMAPS, POP3S,
     * NNTPS, FTPS on 990), verifying the certificate and host name per {@link #tls()}.
     *
     * @param endpoint where to connect
     * @return the handshaken TLS socket
     * @throws IOException a {@link DialFailure} exception or a {@link TlsException}
     */
    public SSLSocket connectTls(Endpoint endpoint) throws IOException {
        Socket plain = connect(endpoint);
        return tls.upgrade(plain, endpoint.host(), endpoint.port());
    }

    /** Connects to the Unix socket; the listener hears no resolution (there is none). */
    private Socket connectUnix(Endpoint endpoint, DialListener listener) throws IOException {
        Socket socket;
        try {
            socket = UnixDomainSocket.connect(unixSocket, timeouts.connectMillis());
            socket.setSoTimeout(timeouts.readMillis());
        } catch (IOException e) {
            throw describeUnix(endpoint, e);
        }
        return handOver(endpoint, socket, listener);
    }

    /** Tells the listener about a new connection and returns it; closes it if the listener throws. */
    private static Socket handOver(Endpoint endpoint, Socket socket, DialListener listener) throws IOException {
        try {
            listener.connected(endpoint, socket);
        } catch (RuntimeException e) {
            socket.close(); // a listener that breaks its contract must not leak the connection
            throw e;
        }
        return socket;
    }

    /** Turns a Unix socket's connect failure into a {@link DialFailure} naming the path. */
    private IOException describeUnix(Endpoint endpoint, IOException e) {
        String where = "the Unix socket " + unixSocket + " (for " + endpoint + ")";
        if (e instanceof SocketTimeoutException) {
            return new ConnectTimeoutException(endpoint, "connecting to " + where + " timed out after "
                    + timeouts.connect().toMillis() + " ms", e);
        }
        if (e instanceof io.inetkit.socket.ConnectFailedException f) {
            if (f.errno() == io.inetkit.socket.Errno.ENOENT) {
                return new ConnectionRefusedException(endpoint, "cannot connect to " + where
                        + ": no such file", e);
            }
            if (f.errno() == io.inetkit.socket.Errno.ECONNREFUSED) {
                return new ConnectionRefusedException(endpoint, "connection to " + where
                        + " refused: nothing is listening", e);
            }
            // e.g. EACCES, common with /run/docker.sock for users outside its group
            return new ConnectionRefusedException(endpoint, "cannot connect to " + where + ": "
                    + f.errno().description(), e);
        }
        return new ConnectionRefusedException(endpoint, "cannot connect to " + where + ": "
                + e.getMessage(), e);
    }

    private Socket attempt(InetAddress address, Endpoint endpoint) throws IOException {
        // A plain socket, not a channel's adaptor: on platform threads the adaptor switches the
        // descriptor between blocking and non-blocking around every timed read (4 fcntl calls,
        // 25-30% of a keep-alive client's CPU on JDK 25); the plain socket sets it once.
        Socket socket = new ReadAheadSocket();
        try {
            if (sourceAddress != null) {
                socket.bind(new InetSocketAddress(sourceAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, endpoint.port()), timeouts.connectMillis());
            socket.setSoTimeout(timeouts.readMillis());
            socket.setTcpNoDelay(true); // line protocols send small commands; avoid Nagle + delayed ACK stalls
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Alternates IPv6 and IPv4, starting with the family of the first address; drops families
     * the source address cannot reach. Package-private so the order is tested directly.
     */
    List<InetAddress> interleave(List<InetAddress> addresses) {
        Deque<InetAddress> v6 = new ArrayDeque<>();
        Deque<InetAddress> v4 = new ArrayDeque<>();
        for (InetAddress a : addresses) {
            if (sourceAddress != null && (a instanceof Inet6Address) != (sourceAddress instanceof Inet6Address)) {
                continue;
            }
            (a instanceof Inet6Address ? v6 : v4).add(a);
        }
        boolean sixFirst = !addresses.isEmpty() && addresses.get(0) instanceof Inet6Address;
        Deque<InetAddress> first = sixFirst ? v6 : v4;
        Deque<InetAddress> second = sixFirst ? v4 : v6;
        List<InetAddress> out = new ArrayList<>(addresses.size());
        while (!first.isEmpty() || !second.isEmpty()) {
            if (!first.isEmpty()) {
                out.add(first.poll());
            }
            if (!second.isEmpty()) {
                out.add(second.poll());
            }
        }
        return out;
    }

    /** Turns the last connect failure into a {@link DialFailure}; package-private for tests of each kind. */
    IOException describe(Endpoint endpoint, IOException e, int tried) {
        String suffix = tried > 1 ? " (tried " + tried + " addresses)" : "";
        if (e instanceof SocketTimeoutException) {
            return new ConnectTimeoutException(endpoint, "connecting to " + endpoint + " timed out after "
                    + timeouts.connect().toMillis() + " ms" + suffix, e);
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof NoRouteToHostException || msg.contains("unreachable")) {
            return new HostUnreachableException(endpoint, "cannot reach " + endpoint
                    + ": host or network unreachable" + suffix, e);
        }
        if (e instanceof ConnectException) {
            return new ConnectionRefusedException(endpoint, "connection to " + endpoint
                    + " refused: nothing is listening on port " + endpoint.port() + suffix, e);
        }
        return new HostUnreachableException(endpoint, "cannot connect to " + endpoint + ": "
                + e.getMessage() + suffix, e);
    }

    /** Builds a {@link Dialer}. */
    public static final class Builder {
        private Timeouts timeouts = Timeouts.DEFAULT;
        private InetAddress sourceAddress;
        private TlsConfig tls = TlsConfig.defaults();
        private Resolver resolver = Resolver.SYSTEM;
        private Path unixSocket;

        private Builder() {}

        /**
         * Sends every connection to a Unix-domain socket (curl's {@code --unix-socket}): the
         * endpoint's host and port are not resolved or dialed, only named to TLS and in
         * messages. {@link #sourceAddress} and the {@link #resolver} are then unused; TLS still
         * works on top ({@link #connectTls}, {@link TlsConfig#upgrade}).
         *
         * @param path the socket file, or null for TCP (the default)
         * @return this builder
         */
        public Builder unixSocket(Path path) {
            if (path != null && path.toString().isEmpty()) {
                throw new IllegalArgumentException("unixSocket needs a path, got an empty one");
            }
            this.unixSocket = path;
            return this;
        }

        /**
         * Sets the timeouts (default {@link Timeouts#DEFAULT}).
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Binds outgoing connections to a local address; only addresses of its family are tried.
         *
         * @param address a local address, or null for any
         * @return this builder
         */
        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        /**
         * Sets the TLS settings for {@link #connectTls(Endpoint)} (default {@link TlsConfig#defaults()}).
         *
         * @param tls the TLS settings
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Replaces the name resolver (default {@link Resolver#SYSTEM}).
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** @return the immutable dialer */
        public Dialer build() {
            return new Dialer(this);
        }
    }
}
