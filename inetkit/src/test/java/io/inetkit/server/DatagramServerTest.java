package io.inetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DatagramServerTest {

    private static String roundTrip(DatagramSocket client, InetSocketAddress server, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(out, out.length, server));
        DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
        client.receive(in);
        return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void echoesDatagrams() throws Exception {
        DatagramHandler upper = (d, r) -> r.reply(new String(d.data(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
        try (Server server = Server.udp(ServerConfig.builder().build(), upper).start();
                DatagramSocket client = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
            InetSocketAddress address = TestClients.loopback(server);
            assertThat(address.getPort()).isPositive();
            assertThat(roundTrip(client, address, "hello")).isEqualTo("HELLO");
            assertThat(roundTrip(client, address, "")).isEmpty();
            assertThat(roundTrip(client, address, "x".repeat(1500))).isEqualTo("X".repeat(1500));
            assertThat(StreamServerTest.awaitCounters(server, 3).completed()).isEqualTo(3);
            assertThat(server.counters().accepted()).isEqualTo(3);
        }
    }

    @Test
    void serialAndPoolModesAndAThrowingHandler() throws Exception {
        for (Concurrency mode : new Concurrency[] {Concurrency.serial(), Concurrency.platformPool(2)}) {
            DatagramHandler handler = (d, r) -> {
                if (d.length() == 1 && d.data()[0] == '!') {
                    throw new IllegalStateException("handler bug (expected by the test)");
                }
                r.reply(d.data());
            };
            try (Server server = Server.udp(ServerConfig.builder().concurrency(mode).build(), handler).start();
                    DatagramSocket client = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
                client.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
                InetSocketAddress address = TestClients.loopback(server);
                byte[] bang = {'!'};
                client.send(new DatagramPacket(bang, 1, address));
                assertThat(roundTrip(client, address, "still here")).isEqualTo("still here");
                Counters c = StreamServerTest.awaitCounters(server, 2);
                assertThat(c.failed()).as(mode.toString()).isEqualTo(1);
                assertThat(c.completed()).as(mode.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void filteredDatagramsAreDropped() throws Exception {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try (Server server = Server.udp(ServerConfig.builder().acceptFilter(peer -> false).build(),
                        (d, r) -> handled.complete(null)).start();
                DatagramSocket client = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(200);
            byte[] out = {'x'};
            client.send(new DatagramPacket(out, 1, server.localAddress()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.counters().rejected() == 0 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            assertThat(server.counters().rejected()).isEqualTo(1);
            assertThat(handled).isNotDone();
        }
    }

    @Test
    void shutdownLetsAHandlerInFlightReply() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DatagramHandler slow = (d, r) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            r.reply(d.data());
        };
        Server server = Server.udp(ServerConfig.builder().build(), slow).start();
        try (DatagramSocket client = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
            byte[] out = "late".getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(out, out.length, server.localAddress()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(20)));
            while (server.state() == ServerState.RUNNING) {
                Thread.yield();
            }
            release.countDown();
            DatagramPacket in = new DatagramPacket(new byte[64], 64);
            client.receive(in);
            assertThat(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8)).isEqualTo("late");
            assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.counters().completed()).isEqualTo(1);
            // Nothing answers any more.
            client.setSoTimeout(100);
            client.send(new DatagramPacket(out, out.length, server.localAddress()));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.receive(new DatagramPacket(new byte[64], 64)))
                    .isInstanceOf(SocketTimeoutException.class);
        } finally {
            release.countDown();
            server.close();
        }
    }
}
