package io.inetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One event server holds 5,000 connections at once (5,000 client + 5,000 server sockets in this JVM). */
class EventManyConnectionsTest {
    private static final int CONNECTIONS = 5_000;

    @Test
    @Timeout(60)
    void holdsAndServesFiveThousandConcurrentConnections() throws Exception {
        long heapBefore = TestClients.usedHeap();
        EventServer server = Server.tcpEvents(EventProtocols.config().closeGrace(Duration.ofSeconds(2)).build(),
                EventProtocols.echo()).start();
        List<Socket> clients = new ArrayList<>(CONNECTIONS);
        try {
            long start = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = TestClients.connect(server.localAddress());
                clients.add(s);
                s.getOutputStream().write(i & 0x7f);
                assertThat(s.getInputStream().read()).isEqualTo(i & 0x7f);
            }
            long connectedNanos = System.nanoTime() - start;
            Counters held = server.counters();
            assertThat(held.accepted()).isEqualTo(CONNECTIONS);
            assertThat(held.active()).isEqualTo(CONNECTIONS);
            long heapHeld = TestClients.usedHeap();
            System.out.printf("[measure] event server: %d connections connected and held in %d ms; heap %.1f KiB per"
                    + " connection (server and client side together, rough)%n", CONNECTIONS, connectedNanos / 1_000_000,
                    (heapHeld - heapBefore) / 1024.0 / CONNECTIONS);
            // All of them again, now that every one is open at the same time.
            for (int i = 0; i < CONNECTIONS; i++) {
                clients.get(i).getOutputStream().write('a' + (i % 26));
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                assertThat(clients.get(i).getInputStream().read()).isEqualTo('a' + (i % 26));
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        Counters done = StreamServerTest.awaitCounters(server, CONNECTIONS);
        server.close();
        assertThat(done.completed()).isEqualTo(CONNECTIONS);
        assertThat(done.failed()).isZero();
        assertThat(done.rejected()).isZero();
        assertThat(done.active()).isZero();
    }
}
