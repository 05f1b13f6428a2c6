package io.inetkit.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The immutable configuration of a server. Build one with {@link #builder()}; every option has
 * a safe default.
 *
 * @param bindAddress where to listen: an {@link InetSocketAddress} for TCP and UDP (port 0 picks
 *     a free port), a {@link UnixDomainSocketAddress} for Unix-stream servers
 * @param backlog the listen backlog (TCP and Unix)
 * @param reuseAddress sets SO_REUSEADDR on the listener
 * @param reusePort sets SO_REUSEPORT on the listener (where the platform supports it)
 * @param acceptFilter decides from the peer's address whether to serve it (Python's
 *     {@code verify_request}); refused connections are closed at once
 * @param idleTimeout the longest a read may wait for data, or a write for the peer to take
 *     it, before it fails with a {@link java.net.SocketTimeoutException} and the connection is
 *     closed; {@link Duration#ZERO} waits for ever
 * @param maxConnections the most connections (or datagrams) served at the same time
 * @param overloadPolicy what happens to connections beyond {@code maxConnections}
 * @param concurrency how handlers run
 * @param tcpNoDelay sets TCP_NODELAY on accepted TCP connections (avoids 40 ms delayed-ACK
 *     stalls in request/response protocols)
 * @param tls TLS settings for a TCP listener, or {@code null} for plain connections
 * @param maxDatagramSize the largest datagram a UDP server receives; longer ones are truncated
 * @param closeGrace the grace period {@link Server#close()} gives connections in flight
 * @param name a name for the server's threads and log messages
 * @param eventLoops the number of event-loop threads of an {@link EventServer}; 0 (the default)
 *     means one per available processor
 * @param maxWriteQueueBytes for an {@link EventServer}: when this many bytes wait to be sent on
 *     one connection (the peer reads too slowly), the server stops reading from it until the
 *     queue is drained
 */
public record ServerConfig(
        SocketAddress bindAddress,
        int backlog,
        boolean reuseAddress,
        boolean reusePort,
        Predicate<SocketAddress> acceptFilter,
        Duration idleTimeout,
        int maxConnections,
        OverloadPolicy overloadPolicy,
        Concurrency concurrency,
        boolean tcpNoDelay,
        TlsListener tls,
        int maxDatagramSize,
        Duration closeGrace,
        String name,
        int eventLoops,
        int maxWriteQueueBytes) {

    /** The default listen backlog. */
    public static final int DEFAULT_BACKLOG = 1024;
    /** The default idle timeout of a read. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** The default limit of connections served at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** The highest allowed {@code maxConnections}. */
    public static final int MAX_CONNECTIONS_LIMIT = 1_000_000;
    /** The default grace period of {@link Server#close()}. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);
    /** The largest UDP payload over IPv4. */
    public static final int DEFAULT_MAX_DATAGRAM_SIZE = 65_507;
    /** The most event-loop threads a server may have. */
    public static final int MAX_EVENT_LOOPS = 256;
    /** The default write queue limit of an event-server connection (asyncio's high-water mark). */
    public static final int DEFAULT_MAX_WRITE_QUEUE_BYTES = 64 * 1024;

    /**
     * Checks the components.
     *
     * @param bindAddress where to listen
     * @param backlog the listen backlog
     * @param reuseAddress SO_REUSEADDR
     * @param reusePort SO_REUSEPORT
     * @param acceptFilter the accept filter
     * @param idleTimeout the read idle timeout
     * @param maxConnections the connection limit
     * @param overloadPolicy the overload policy
     * @param concurrency the concurrency mode
     * @param tcpNoDelay TCP_NODELAY
     * @param tls the TLS settings or null
     * @param maxDatagramSize the largest datagram
     * @param closeGrace the grace of close()
     * @param name the server's name
     * @param eventLoops the event-loop threads, 0 for one per processor
     * @param maxWriteQueueBytes the write queue limit of an event-server connection
     */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(acceptFilter, "acceptFilter");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(overloadPolicy, "overloadPolicy");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(closeGrace, "closeGrace");
        Objects.requireNonNull(name, "name");
        if (!(bindAddress instanceof InetSocketAddress) && !(bindAddress instanceof UnixDomainSocketAddress)) {
            throw new IllegalArgumentException("bind address must be an InetSocketAddress or a UnixDomainSocketAddress, got "
                    + bindAddress.getClass().getName());
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        if (idleTimeout.isNegative() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idle timeout must be between 0 and " + Integer.MAX_VALUE + " ms, got " + idleTimeout);
        }
        if (!idleTimeout.isZero() && idleTimeout.toMillis() == 0) {
            throw new IllegalArgumentException("idle timeout must be at least 1 ms, got " + idleTimeout);
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
            throw new IllegalArgumentException("maxConnections must be between 1 and " + MAX_CONNECTIONS_LIMIT + ", got " + maxConnections);
        }
        if (maxDatagramSize < 1 || maxDatagramSize > 65_535) {
            throw new IllegalArgumentException("maxDatagramSize must be between 1 and 65535, got " + maxDatagramSize);
        }
        if (closeGrace.isNegative()) {
            throw new IllegalArgumentException("close grace must not be negative, got " + closeGrace);
        }
        if (eventLoops < 0 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be between 0 (one per processor) and " + MAX_EVENT_LOOPS
                    + ", got " + eventLoops);
        }
        if (maxWriteQueueBytes < 1) {
            throw new IllegalArgumentException("maxWriteQueueBytes must be at least 1, got " + maxWriteQueueBytes);
        }
        if (tls != null && !(bindAddress instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("TLS is supported on TCP listeners only, not on " + bindAddress);
        }
    }

    /** {@return a builder with the defaults: loopback, any free port, virtual threads} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this configuration, to change some options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.backlog = backlog;
        b.reuseAddress = reuseAddress;
        b.reusePort = reusePort;
        b.acceptFilter = acceptFilter;
        b.idleTimeout = idleTimeout;
        b.maxConnections = maxConnections;
        b.overloadPolicy = overloadPolicy;
        b.concurrency = concurrency;
        b.tcpNoDelay = tcpNoDelay;
        b.tls = tls;
        b.maxDatagramSize = maxDatagramSize;
        b.closeGrace = closeGrace;
        b.name = name;
        b.eventLoops = eventLoops;
        b.maxWriteQueueBytes = maxWriteQueueBytes;
        return b;
    }

    /** Builds a {@link ServerConfig}; {@link #build()} validates every option. */
    public static final class Builder {
        private SocketAddress bindAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int backlog = DEFAULT_BACKLOG;
        private boolean reuseAddress = true;
        private boolean reusePort;
        private Predicate<SocketAddress> acceptFilter = peer -> true;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private OverloadPolicy overloadPolicy = OverloadPolicy.waitForSlot();
        private Concurrency concurrency = Concurrency.virtualThreads();
        private boolean tcpNoDelay = true;
        private TlsListener tls;
        private int maxDatagramSize = DEFAULT_MAX_DATAGRAM_SIZE;
        private Duration closeGrace = DEFAULT_CLOSE_GRACE;
        private String name = "inetkit-server";
        private int eventLoops;
        private int maxWriteQueueBytes = DEFAULT_MAX_WRITE_QUEUE_BYTES;

        private Builder() {
        }

        /**
         * Listens on an address (default: loopback, port 0).
         *
         * @param address an InetSocketAddress or a UnixDomainSocketAddress
         * @return this builder
         */
        public Builder bind(SocketAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Listens on a host and port; port 0 picks a free port.
         *
         * @param host a host name or address literal; {@code "0.0.0.0"} or {@code "::"} for every interface
         * @param port the port, 0 to 65535
         * @return this builder
         */
        public Builder bind(String host, int port) {
            return bind(new InetSocketAddress(host, port));
        }

        /**
         * Listens on a loopback port; port 0 picks a free port.
         *
         * @param port the port, 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /**
         * Listens on a Unix-domain socket file (for {@link Server#unix}).
         *
         * @param path the socket file
         * @return this builder
         */
        public Builder unixPath(Path path) {
            return bind(UnixDomainSocketAddress.of(path));
        }

        /**
         * Sets the listen backlog (default {@value #DEFAULT_BACKLOG}).
         *
         * @param backlog at least 1
         * @return this builder
         */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /**
         * Sets SO_REUSEADDR on the listener (default on).
         *
         * @param on whether to set it
         * @return this builder
         */
        public Builder reuseAddress(boolean on) {
            this.reuseAddress = on;
            return this;
        }

        /**
         * Sets SO_REUSEPORT on the listener (default off).
         *
         * @param on whether to set it
         * @return this builder
         */
        public Builder reusePort(boolean on) {
            this.reusePort = on;
            return this;
        }

        /**
         * Serves only peers the filter accepts (default: everyone).
         *
         * @param filter a predicate on the peer's address
         * @return this builder
         */
        public Builder acceptFilter(Predicate<SocketAddress> filter) {
            this.acceptFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Sets how long a read or write may wait (default 5 minutes; zero waits for ever).
         *
         * @param timeout the idle timeout
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the most connections served at once (default {@value #DEFAULT_MAX_CONNECTIONS}).
         *
         * @param max 1 to {@value ServerConfig#MAX_CONNECTIONS_LIMIT}
         * @return this builder
         */
        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        /**
         * Sets what happens beyond the connection limit (default: wait).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder overloadPolicy(OverloadPolicy policy) {
            this.overloadPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how handlers run (default: a virtual thread per connection).
         *
         * @param concurrency the mode
         * @return this builder
         */
        public Builder concurrency(Concurrency concurrency) {
            this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
            return this;
        }

        /**
         * Sets TCP_NODELAY on accepted TCP connections (default on).
         *
         * @param on whether to set it
         * @return this builder
         */
        public Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        /**
         * Serves TLS on a TCP listener (default: plain).
         *
         * @param tls the TLS settings, or null for plain connections
         * @return this builder
         */
        public Builder tls(TlsListener tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the largest datagram a UDP server receives (default {@value #DEFAULT_MAX_DATAGRAM_SIZE}).
         *
         * @param size 1 to 65535 bytes
         * @return this builder
         */
        public Builder maxDatagramSize(int size) {
            this.maxDatagramSize = size;
            return this;
        }

        /**
         * Sets the grace period of {@link Server#close()} (default 5 s).
         *
         * @param grace not negative
         * @return this builder
         */
        public Builder closeGrace(Duration grace) {
            this.closeGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * Names the server's threads and log messages (default {@code inetkit-server}).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the number of event-loop threads of an {@link EventServer} (default 0: one per
         * available processor, so 1 on a process pinned to one core). Ignored by the other servers.
         *
         * @param loops 0 to {@value ServerConfig#MAX_EVENT_LOOPS}
         * @return this builder
         */
        public Builder eventLoops(int loops) {
            this.eventLoops = loops;
            return this;
        }

        /**
         * Sets how many bytes may wait to be sent on one {@link EventServer} connection before the
         * server stops reading from it (default {@value ServerConfig#DEFAULT_MAX_WRITE_QUEUE_BYTES}).
         * Bounds the memory a peer that never reads can make the server hold. Ignored by the other servers.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxWriteQueueBytes(int bytes) {
            this.maxWriteQueueBytes = bytes;
            return this;
        }

        /** {@return the configuration, validated} */
        public ServerConfig build() {
            return new ServerConfig(bindAddress, backlog, reuseAddress, reusePort, acceptFilter, idleTimeout,
                    maxConnections, overloadPolicy, concurrency, tcpNoDelay, tls, maxDatagramSize, closeGrace, name,
                    eventLoops, maxWriteQueueBytes);
        }
    }
}
