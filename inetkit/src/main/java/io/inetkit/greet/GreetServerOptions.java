package io.inetkit.greet;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link GreetServer} runs.
 *
 * @param bind the address to listen on (port 0 picks a free port)
 * @param backlog the listen backlog (the tutorial uses 5; a busy server wants more)
 * @param maxConnections connections served at once; further ones wait to be accepted
 * @param idleTimeout a connection silent for this long is closed
 * @param log receives the tutorial's log lines ({@code Accept new connection from ...})
 */
public record GreetServerOptions(
        InetSocketAddress bind, int backlog, int maxConnections, Duration idleTimeout, Consumer<String> log) {

    /** Validates the options. */
    public GreetServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(log, "log");
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
    }

    /**
     * The tutorial's server: 127.0.0.1:9999, logging to stdout, with limits a real
     * server needs (10,000 connections, 5 minutes idle).
     *
     * @return the default options
     */
    public static GreetServerOptions defaults() {
        return new GreetServerOptions(new InetSocketAddress("127.0.0.1", GreetProtocol.DEFAULT_PORT),
                1024, 10_000, Duration.ofMinutes(5), System.out::println);
    }

    /** @return these options listening on {@code address} */
    public GreetServerOptions withBind(InetSocketAddress address) {
        return new GreetServerOptions(address, backlog, maxConnections, idleTimeout, log);
    }

    /** @return these options with another listen backlog */
    public GreetServerOptions withBacklog(int value) {
        return new GreetServerOptions(bind, value, maxConnections, idleTimeout, log);
    }

    /** @return these options serving at most {@code value} connections at once */
    public GreetServerOptions withMaxConnections(int value) {
        return new GreetServerOptions(bind, backlog, value, idleTimeout, log);
    }

    /** @return these options closing connections idle for {@code value} */
    public GreetServerOptions withIdleTimeout(Duration value) {
        return new GreetServerOptions(bind, backlog, maxConnections, value, log);
    }

    /** @return these options logging to {@code sink} */
    public GreetServerOptions withLog(Consumer<String> sink) {
        return new GreetServerOptions(bind, backlog, maxConnections, idleTimeout, sink);
    }
}
