package io.inetkit.server;

import static io.inetkit.server.TestClients.connect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectionLimitTest {

    /** Reads one byte, reports arrival, waits for the release, answers "ok". */
    private static ConnectionHandler blocking(CountDownLatch arrived, CountDownLatch release) {
        return c -> {
            c.read(new byte[1]);
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            c.write("ok".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static ServerConfig.Builder config(int max) {
        return ServerConfig.builder().maxConnections(max).closeGrace(Duration.ofSeconds(1));
    }

    @Test
    void excessConnectionsWaitForAFreeSlot() throws Exception {
        CountDownLatch arrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (Server server = Server.tcp(config(2).build(), blocking(arrived, release)).start();
                Socket a = connect(server.localAddress());
                Socket b = connect(server.localAddress());
                Socket c = connect(server.localAddress())) {
            for (Socket s : new Socket[] {a, b, c}) {
                s.getOutputStream().write('x');
            }
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            // The third connection waits in the listen backlog: not accepted while two are served.
            assertThat(server.counters().active()).isEqualTo(2);
            assertThat(server.counters().accepted()).isEqualTo(2);
            release.countDown();
            for (Socket s : new Socket[] {a, b, c}) {
                assertThat(TestClients.readToEnd(s.getInputStream())).isEqualTo("ok");
            }
            Counters counters = StreamServerTest.awaitCounters(server, 3);
            assertThat(counters.completed()).isEqualTo(3);
            assertThat(counters.rejected()).isZero();
        }
    }

    @Test
    void excessConnectionsCanBeClosedAtOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerConfig cfg = config(1).overloadPolicy(OverloadPolicy.close()).build();
        try (Server server = Server.tcp(cfg, blocking(arrived, release)).start();
                Socket first = connect(server.localAddress())) {
            first.getOutputStream().write('x');
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            try (Socket second = connect(server.localAddress())) {
                assertThat(TestClients.readToEnd(second.getInputStream())).isEmpty();
            }
            assertThat(server.counters().rejected()).isEqualTo(1);
            release.countDown();
            assertThat(TestClients.readToEnd(first.getInputStream())).isEqualTo("ok");
            assertThat(StreamServerTest.awaitCounters(server, 1).completed()).isEqualTo(1);
        }
    }

    @Test
    void excessConnectionsCanGetABusyMessage() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectionHandler busy = c -> c.write("421 busy, try later\r\n".getBytes(StandardCharsets.US_ASCII));
        ServerConfig cfg = config(1).overloadPolicy(OverloadPolicy.busy(busy)).build();
        try (Server server = Server.tcp(cfg, blocking(arrived, release)).start();
                Socket first = connect(server.localAddress())) {
            first.getOutputStream().write('x');
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            try (Socket second = connect(server.localAddress())) {
                assertThat(TestClients.readToEnd(second.getInputStream())).isEqualTo("421 busy, try later\r\n");
            }
            Counters counters = server.counters();
            assertThat(counters.rejected()).isEqualTo(1);
            assertThat(counters.active()).isEqualTo(1);
            release.countDown();
            assertThat(TestClients.readToEnd(first.getInputStream())).isEqualTo("ok");
            // The slot is free again: a new client is served normally.
            release.countDown();
            try (Socket third = connect(server.localAddress())) {
                third.getOutputStream().write('x');
                assertThat(TestClients.readToEnd(third.getInputStream())).isEqualTo("ok");
            }
        }
    }
}
