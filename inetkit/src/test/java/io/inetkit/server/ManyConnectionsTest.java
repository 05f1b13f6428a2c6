package io.inetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One server holds 5,000 connections at once (5,000 client + 5,000 server sockets in this JVM). */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 5_000;

    @Test
    @Timeout(60)
    void holdsAndServesFiveThousandConcurrentConnections() throws Exception {
        CountDownLatch arrived = new CountDownLatch(CONNECTIONS);
        CountDownLatch release = new CountDownLatch(1);
        ConnectionHandler handler = c -> {
            byte[] one = new byte[1];
            if (c.read(one) < 0) {
                return;
            }
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            c.write(one);
        };
        long heapBefore = TestClients.usedHeap();
        Server server = Server.tcp(ServerConfig.builder().closeGrace(Duration.ofSeconds(2)).build(), handler).start();
        List<Socket> clients = new ArrayList<>(CONNECTIONS);
        try {
            long start = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = TestClients.connect(server.localAddress());
                s.getOutputStream().write(i & 0x7f);
                clients.add(s);
            }
            assertThat(arrived.await(40, TimeUnit.SECONDS)).isTrue();
            long connectedNanos = System.nanoTime() - start;

            Counters held = server.counters();
            assertThat(held.accepted()).isEqualTo(CONNECTIONS);
            assertThat(held.active()).isEqualTo(CONNECTIONS);
            long heapHeld = TestClients.usedHeap();
            System.out.printf("[measure] %d connections connected and held in %d ms; heap %.1f KiB per connection"
                    + " (server and client side together, rough)%n", CONNECTIONS, connectedNanos / 1_000_000,
                    (heapHeld - heapBefore) / 1024.0 / CONNECTIONS);

            release.countDown();
            for (int i = 0; i < CONNECTIONS; i++) {
                assertThat(clients.get(i).getInputStream().read()).isEqualTo(i & 0x7f);
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            server.close();
        }
        Counters done = server.counters();
        assertThat(done.completed()).isEqualTo(CONNECTIONS);
        assertThat(done.failed()).isZero();
        assertThat(done.rejected()).isZero();
        assertThat(done.active()).isZero();
    }
}
