package io.inetkit.greet;

import io.inetkit.server.Counters;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The tutorial's greeting server (seed item 4), on {@link io.inetkit.server}. By default it
 * runs on event loops ({@link io.inetkit.server.Server#tcpEvents}): a few threads serve every
 * connection, so tens of thousands of clients cost little memory and a round trip costs one
 * read and one write. {@link GreetServerOptions.Mode#THREAD_PER_CONNECTION} serves each
 * connection in its own virtual thread instead (the tutorial's design, with virtual threads so
 * that the accept loop never starves behind busy handlers). Both modes answer and log byte for
 * byte alike.
 *
 * <pre>{@code
 * try (GreetServer server = GreetServer.start(GreetServerOptions.defaults())) {
 *     server.awaitTermination();   // until another thread calls shutdown
 * }
 * }</pre>
 */
public final class GreetServer implements AutoCloseable {
    private final Server server;
    private final GreetServerOptions options;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private GreetServer(Server server, GreetServerOptions options) {
        this.server = server;
        this.options = options;
    }

    /**
     * Binds, logs {@code Waiting for connection...} and starts serving in the background.
     *
     * @param options where and how to serve
     * @return the running server
     * @throws IOException if the address cannot be bound (in use, not local, no permission)
     */
    public static GreetServer start(GreetServerOptions options) throws IOException {
        ServerConfig config = ServerConfig.builder()
                .bind(options.bind())
                .backlog(options.backlog())
                .maxConnections(options.maxConnections())
                .idleTimeout(options.idleTimeout())
                .name("greet")
                .build();
        Server server = switch (options.mode()) {
            case EVENT_LOOP -> {
                GreetEventProtocol shared = new GreetEventProtocol(options.log());
                yield Server.tcpEvents(config, () -> shared);
            }
            case THREAD_PER_CONNECTION -> Server.tcp(config, new GreetHandler(options.log()));
        };
        options.log().accept("Waiting for connection...");
        server.start();
        return new GreetServer(server, options);
    }

    /** {@return the address the server listens on, with the real port when 0 was asked} */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** {@return the options the server runs with} */
    public GreetServerOptions options() {
        return options;
    }

    /** {@return connection counters: accepted, active, completed, failed, rejected} */
    public Counters stats() {
        return server.counters();
    }

    /**
     * Stops accepting at once, lets conversations in flight finish within {@code grace},
     * then closes the rest. Safe from any thread, a handler's included; idempotent.
     *
     * @param grace how long conversations in flight may go on
     * @return true if every conversation ended by itself or was closed in time
     */
    public boolean shutdown(Duration grace) {
        try {
            return server.shutdown(grace);
        } finally {
            terminated.countDown();
        }
    }

    /**
     * Waits until {@link #shutdown} has finished.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Shuts down with a grace of five seconds. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
