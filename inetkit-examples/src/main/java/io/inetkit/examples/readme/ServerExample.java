package io.inetkit.examples.readme;

import io.inetkit.server.Concurrency;
import io.inetkit.server.Connection;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import io.inetkit.server.StreamServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

/** README: the socketserver-style framework. */
public final class ServerExample {
    private ServerExample() {
    }

    /**
     * Starts an upper-casing echo server on a free loopback port.
     *
     * @return the running server; the caller shuts it down
     * @throws IOException if it cannot listen
     */
    public static StreamServer start() throws IOException {
        // README:server
        ServerConfig config = ServerConfig.builder()
                .bind("127.0.0.1", 0)                         // the server reports the real port
                .maxConnections(10_000)                       // more wait in the backlog
                .idleTimeout(Duration.ofMinutes(1))           // silent peers are closed
                .concurrency(Concurrency.virtualThreads())    // the default: one per connection
                .build();
        StreamServer server = Server.tcp(config, (Connection c) -> {
            byte[] buffer = new byte[1024];
            for (int n; (n = c.read(buffer)) > 0; ) {         // what one read returns; -1 at EOF
                String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                c.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();                                       // or serveForever() on this thread
        // ... later, from any thread, even a handler's:
        // server.shutdown(Duration.ofSeconds(5));            // finish in-flight work, then close
        // README:end
        return server;
    }

    /**
     * Shuts the server down.
     *
     * @param server a server from {@link #start()}
     * @throws IOException never
     */
    public static void stop(StreamServer server) throws IOException {
        server.shutdown(Duration.ofSeconds(5));
    }
}
