package io.inetkit.examples.readme;

import io.inetkit.server.Concurrency;
import io.inetkit.server.Connection;
import io.inetkit.server.EventServer;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import io.inetkit.server.StreamProtocol;
import io.inetkit.server.StreamServer;
import java.io.IOException;
import java.nio.ByteBuffer;
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
     * Starts the same upper-casing echo on the event-loop server.
     *
     * @return the running server; the caller shuts it down
     * @throws IOException if it cannot listen
     */
    public static EventServer startEvents() throws IOException {
        // README:events
        StreamProtocol upperCase = (c, data) -> {         // stateless: one instance serves all
            ByteBuffer reply = ByteBuffer.allocate(data.remaining());   // data: valid during the call
            while (data.hasRemaining()) {
                byte b = data.get();
                reply.put(b >= 'a' && b <= 'z' ? (byte) (b - 32) : b);
            }
            c.write(reply.flip());                        // never blocks; the rest is queued
        };
        EventServer server = Server.tcpEvents(ServerConfig.builder().bind("127.0.0.1", 0).build(),
                () -> upperCase);                          // or a new instance per connection
        server.start();
        // README:end
        return server;
    }

    /**
     * Shuts a server down.
     *
     * @param server a server from {@link #start()} or {@link #startEvents()}
     * @throws IOException never
     */
    public static void stop(Server server) throws IOException {
        server.shutdown(Duration.ofSeconds(5));
    }
}
