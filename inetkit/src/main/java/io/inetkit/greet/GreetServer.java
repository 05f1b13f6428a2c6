package io.inetkit.greet;

import io.inetkit.server.Counters;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import io.inetkit.server.StreamServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The tutorial's greeting server (seed item 4), on {@link io.inetkit.server}: a virtual
 * thread per connection instead of the tutorial's platform thread, so that thousands of
 * clients are served and the accept loop never starves behind busy handlers.
 *
 * <pre>{@code
 * try (GreetServer server = GreetServer.start(GreetServerOptions.defaults())) {
 *     server.awaitTermination();   // until another thread calls shutdown
 * }
 * }</pre>
 */
public final class GreetServer implements AutoCloseable {
    private final StreamServer server;
    private final GreetServerOptions options;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private GreetServer(StreamServer server, GreetServerOptions options) {
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
        StreamServer server = Server.tcp(config, new GreetHandler(options.log()));
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
