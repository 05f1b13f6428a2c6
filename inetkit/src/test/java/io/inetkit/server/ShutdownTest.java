package io.inetkit.server;

import static io.inetkit.server.TestClients.awaitListenerClosed;
import static io.inetkit.server.TestClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShutdownTest {

    @Test
    void gracefulShutdownLosesNoRequestInFlight() throws Exception {
        int clients = 20;
        CountDownLatch arrived = new CountDownLatch(clients);
        CountDownLatch release = new CountDownLatch(1);
        ConnectionHandler handler = c -> {
            byte[] buf = new byte[16];
            int n = c.read(buf);
            if (n < 0) {
                return; // a probe of awaitListenerClosed that slipped in before the listener closed
            }
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            c.write(buf, 0, n);
        };
        Server server = Server.tcp(ServerConfig.builder().build(), handler).start();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket s = connect(server.localAddress());
                s.getOutputStream().write(("r" + i).getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(20)));
            awaitListenerClosed(server);
            assertThat(done).isNotDone();
            release.countDown();

            for (int i = 0; i < clients; i++) {
                assertThat(TestClients.readToEnd(sockets.get(i).getInputStream())).isEqualTo("r" + i);
            }
            assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
            Counters counters = server.counters();
            assertThat(counters.completed()).isGreaterThanOrEqualTo(clients).isEqualTo(counters.accepted());
            assertThat(counters.failed()).isZero();
            assertThat(counters.active()).isZero();
            assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            server.close();
        }
    }

    @Test
    void shutdownCalledFromAHandlerDoesNotWaitForItself() throws Exception {
        AtomicReference<Server> self = new AtomicReference<>();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            c.read(new byte[16]);
            result.complete(self.get().shutdown(Duration.ofSeconds(30)));
            c.write("bye".getBytes(StandardCharsets.US_ASCII)); // our own connection is still open
        };
        Server server = Server.tcp(ServerConfig.builder().build(), handler);
        self.set(server);
        server.start();
        try (Socket s = connect(server.localAddress())) {
            s.getOutputStream().write('q');
            assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(TestClients.readToEnd(s.getInputStream())).isEqualTo("bye");
        }
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        assertThat(StreamServerTest.awaitCounters(server, 1).completed()).isEqualTo(1);
        assertThatThrownBy(() -> connect(server.localAddress())).isInstanceOf(ConnectException.class);
    }

    @Test
    void afterTheGracePeriodBlockedReadsAreClosed() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        ConnectionHandler handler = c -> {
            reading.countDown();
            c.read(new byte[16]); // the client never writes
        };
        Server server = Server.tcp(ServerConfig.builder().idleTimeout(Duration.ZERO).build(), handler).start();
        try (Socket s = connect(server.localAddress())) {
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.shutdown(Duration.ofMillis(100))).isTrue();
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
            assertThat(server.counters().failed()).isEqualTo(1);
            assertThat(server.counters().active()).isZero();
        }
    }

    @Test
    void aHandlerThatIgnoresEverythingIsAbandonedAfterTheHardBound() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> daemon = new CompletableFuture<>();
        ConnectionHandler stuck = c -> {
            daemon.complete(Thread.currentThread().isDaemon());
            entered.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException e) {
                    // stuck on purpose: ignores the interrupt shutdown sends
                }
            }
        };
        ServerConfig cfg = ServerConfig.builder().concurrency(Concurrency.platformPool(1)).build();
        Server server = Server.tcp(cfg, stuck).start();
        try (Socket s = connect(server.localAddress())) {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.get()).isTrue(); // so it cannot keep the JVM alive
            assertThat(server.shutdown(Duration.ZERO)).isFalse();
            assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty(); // its socket was closed anyway
        } finally {
            release.countDown();
        }
    }

    @Test
    void aConnectionThatNeverStartedStillFreesItsSlot() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectionHandler handler = c -> {
            entered.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException e) {
                    // holds the only pool thread on purpose
                }
            }
        };
        ServerConfig cfg = ServerConfig.builder().concurrency(Concurrency.platformPool(1)).build();
        Server server = Server.tcp(cfg, handler).start();
        try (Socket running = connect(server.localAddress()); Socket queued = connect(server.localAddress())) {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.counters().active() < 2 && System.nanoTime() < deadline) {
                Thread.yield(); // the second connection is accepted and waits in the pool's queue
            }
            assertThat(server.counters().active()).isEqualTo(2);
            assertThat(server.shutdown(Duration.ZERO)).isFalse();
            release.countDown();
            // The queued task finally runs, sees the shutdown, closes at once and frees its slot.
            assertThat(TestClients.readToEnd(queued.getInputStream())).isEmpty();
            Counters c = StreamServerTest.awaitCounters(server, 2);
            assertThat(c.active()).isZero();
            assertThat(c.completed()).isEqualTo(1);
            assertThat(c.failed()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void shutdownIsIdempotentAndWorksBeforeStart() throws Exception {
        Server never = Server.tcp(ServerConfig.builder().build(), TestClients::echo);
        assertThat(never.shutdown(Duration.ZERO)).isTrue();
        never.close();
        assertThat(never.state()).isEqualTo(ServerState.TERMINATED);
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);

        Server server = Server.tcp(ServerConfig.builder().build(), TestClients::echo).start();
        server.close();
        server.close();
        assertThat(server.shutdown(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void shutdownWakesAnAcceptLoopWaitingForASlot() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        ConnectionHandler handler = c -> {
            arrived.countDown();
            c.read(new byte[1]);
        };
        ServerConfig cfg = ServerConfig.builder().maxConnections(1).idleTimeout(Duration.ZERO).build();
        Server server = Server.tcp(cfg, handler).start();
        try (Socket s = connect(server.localAddress()); Socket waiting = connect(server.localAddress())) {
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.shutdown(Duration.ofMillis(50))).isTrue(); // includes the accept thread's end
            assertThat(TestClients.readToEnd(waiting.getInputStream())).isEmpty();
            assertThat(server.counters().accepted()).isEqualTo(1);
        }
    }
}
