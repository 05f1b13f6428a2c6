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
 * @param mode how connections are served: event loops (the default) or a thread each
 */
public record GreetServerOptions(
        InetSocketAddress bind, int backlog, int maxConnections, Duration idleTimeout, Consumer<String> log, Mode mode) {

    /** How the server serves its connections; both speak the same protocol, byte for byte. */
    public enum Mode {
        /**
         * A few event-loop threads serve every connection ({@link io.inetkit.server.Server#tcpEvents}):
         * the fastest and lightest per connection. The default.
         */
        EVENT_LOOP,
        /**
         * A virtual thread per connection running blocking code ({@link io.inetkit.server.Server#tcp}),
         * the tutorial's thread-per-connection design.
         */
        THREAD_PER_CONNECTION
    }

    /** Validates the options. */
    public GreetServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(mode, "mode");
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
                1024, 10_000, Duration.ofMinutes(5), System.out::println, Mode.EVENT_LOOP);
    }

    /** @return these options listening on {@code address} */
    public GreetServerOptions withBind(InetSocketAddress address) {
        return new GreetServerOptions(address, backlog, maxConnections, idleTimeout, log, mode);
    }

    /** @return these options with another listen backlog */
    public GreetServerOptions withBacklog(int value) {
        return new GreetServerOptions(bind, value, maxConnections, idleTimeout, log, mode);
    }

    /** @return these options serving at most {@code value} connections at once */
    public GreetServerOptions withMaxConnections(int value) {
        return new GreetServerOptions(bind, backlog, value, idleTimeout, log, mode);
    }

    /** @return these options closing connections idle for {@code value} */
    public GreetServerOptions withIdleTimeout(Duration value) {
        return new GreetServerOptions(bind, backlog, maxConnections, value, log, mode);
    }

    /** @return these options serving connections the given way */
    public GreetServerOptions withMode(Mode value) {
        return new GreetServerOptions(bind, backlog, maxConnections, idleTimeout, log, value);
    }

    /** @return these options logging to {@code sink} */
    public GreetServerOptions withLog(Consumer<String> sink) {
        return new GreetServerOptions(bind, backlog, maxConnections, idleTimeout, sink, mode);
    }
}
