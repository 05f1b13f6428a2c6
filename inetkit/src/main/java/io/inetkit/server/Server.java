package io.inetkit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A server that accepts connections (or datagrams) and hands each to a handler, like Python's
 * {@code socketserver}, with composition instead of mixins: the transport is chosen by the
 * factory method, threading by {@link Concurrency}, limits and TLS by {@link ServerConfig}.
 *
 * <p>The factory methods bind and listen at once, so {@link #localAddress()} is known (and a
 * taken port fails) before anything runs. Then either {@link #start()} (returns at once) or
 * {@link #serveForever()} (blocks). {@link #shutdown(Duration)} and {@link #close()} may be
 * called from any thread, a handler's included, any number of times.
 */
public sealed interface Server extends AutoCloseable permits StreamServer, EventServer, DatagramServer {

    /**
     * Binds a TCP server (with TLS when the configuration has it).
     *
     * @param config the configuration; its bind address must be an {@link InetSocketAddress}
     * @param handler serves each connection
     * @return the bound server, not yet accepting
     * @throws IOException when binding fails (e.g. the port is taken)
     */
    static StreamServer tcp(ServerConfig config, ConnectionHandler handler) throws IOException {
        if (!(config.bindAddress() instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("a TCP server needs an InetSocketAddress, got " + config.bindAddress());
        }
        return StreamServer.bind(config, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Binds a Unix-domain stream server. A stale socket file left by a dead server is removed
     * first (never a regular file, nor a socket somebody listens on); the file is removed again
     * on shutdown.
     *
     * @param config the configuration; its bind address must be a {@link UnixDomainSocketAddress}
     * @param handler serves each connection
     * @return the bound server, not yet accepting
     * @throws IOException when binding fails (e.g. another server listens on the path)
     */
    static StreamServer unix(ServerConfig config, ConnectionHandler handler) throws IOException {
        if (!(config.bindAddress() instanceof UnixDomainSocketAddress)) {
            throw new IllegalArgumentException("a Unix-domain server needs a UnixDomainSocketAddress, got " + config.bindAddress());
        }
        return StreamServer.bind(config, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Binds a TCP server in event-loop mode: a few loop threads serve every connection through a
     * non-blocking {@link StreamProtocol} (see {@link EventServer}). Faster and far lighter per
     * connection than a thread per connection, at the price of callbacks that must never block.
     *
     * <p>TLS is not offered in this mode: a configuration with {@link ServerConfig#tls()} is
     * refused; serve TLS with {@link #tcp} and a blocking {@link ConnectionHandler}.
     *
     * @param config the configuration; its bind address must be an {@link InetSocketAddress}
     * @param protocols gives the protocol of each new connection: a new instance for per-connection
     *     state in fields, or the same thread-safe instance every time
     * @return the bound server, not yet accepting
     * @throws IOException when binding fails (e.g. the port is taken)
     * @throws IllegalArgumentException when the configuration asks for TLS or a non-TCP address
     */
    static EventServer tcpEvents(ServerConfig config, Supplier<? extends StreamProtocol> protocols) throws IOException {
        if (!(config.bindAddress() instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("a TCP server needs an InetSocketAddress, got " + config.bindAddress());
        }
        if (config.tls() != null) {
            throw new IllegalArgumentException("TLS needs Server.tcp (blocking handlers): the event-loop server "
                    + "(Server.tcpEvents) serves plain connections only");
        }
        return EventServer.bind(config, Objects.requireNonNull(protocols, "protocols"));
    }

    /**
     * Binds a Unix-domain stream server in event-loop mode (see {@link #tcpEvents}); the socket
     * file is handled as by {@link #unix}.
     *
     * @param config the configuration; its bind address must be a {@link UnixDomainSocketAddress}
     * @param protocols gives the protocol of each new connection
     * @return the bound server, not yet accepting
     * @throws IOException when binding fails (e.g. another server listens on the path)
     */
    static EventServer unixEvents(ServerConfig config, Supplier<? extends StreamProtocol> protocols) throws IOException {
        if (!(config.bindAddress() instanceof UnixDomainSocketAddress)) {
            throw new IllegalArgumentException("a Unix-domain server needs a UnixDomainSocketAddress, got " + config.bindAddress());
        }
        return EventServer.bind(config, Objects.requireNonNull(protocols, "protocols"));
    }

    /**
     * Binds a UDP server.
     *
     * @param config the configuration; its bind address must be an {@link InetSocketAddress}
     * @param handler serves each datagram
     * @return the bound server, not yet receiving
     * @throws IOException when binding fails
     */
    static DatagramServer udp(ServerConfig config, DatagramHandler handler) throws IOException {
        if (!(config.bindAddress() instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("a UDP server needs an InetSocketAddress, got " + config.bindAddress());
        }
        return DatagramServer.bind(config, Objects.requireNonNull(handler, "handler"));
    }

    /** {@return the address the server listens on, with the real port when port 0 was asked} */
    SocketAddress localAddress();

    /** {@return the configuration the server was built with} */
    ServerConfig config();

    /**
     * Starts accepting in a new thread and returns at once.
     *
     * @return this server
     * @throws IllegalStateException when the server was started or shut down before
     */
    Server start();

    /**
     * Accepts in the calling thread until {@link #shutdown} is called.
     *
     * @throws IllegalStateException when the server was started or shut down before
     */
    void serveForever();

    /**
     * Stops accepting at once, lets connections in flight finish within the grace period, then
     * closes the rest (their blocked reads fail) and waits a short bounded time (2 s) for their
     * threads. Never waits for the calling thread itself, so a handler may call it.
     *
     * @param grace how long connections in flight may go on
     * @return true when every handler thread ended
     */
    boolean shutdown(Duration grace);

    /** Shuts down with the configured {@link ServerConfig#closeGrace()}. */
    @Override
    void close();

    /** {@return a snapshot of the counters} */
    Counters counters();

    /** {@return where the server is in its life cycle} */
    ServerState state();
}
