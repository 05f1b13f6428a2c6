package io.inetkit.server;

import static io.inetkit.server.TestClients.connect;
import static io.inetkit.server.TestClients.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StreamServerTest {

    private static ServerConfig.Builder config() {
        return ServerConfig.builder().closeGrace(Duration.ofSeconds(1));
    }

    @Test
    void echoesAndReportsTheRealPort() throws Exception {
        try (Server server = Server.tcp(config().build(), TestClients::echo).start()) {
            InetSocketAddress address = TestClients.loopback(server);
            assertThat(address.getPort()).isPositive();
            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);

            assertThat(exchange(address, "hello")).isEqualTo("hello");
            assertThat(exchange(address, "again")).isEqualTo("again");
        }
    }

    @Test
    void aStartedServerKeepsTheJvmAliveUntilItStops() throws Exception {
        // The accept loop is a (daemon) virtual thread; a non-daemon keeper thread stands in for it.
        Server server = Server.tcp(config().name("keeper-test").build(), TestClients::echo).start();
        Thread keeper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("keeper-test-keeper")).findFirst().orElseThrow();
        assertThat(keeper.isDaemon()).isFalse();
        assertThat(exchange(server.localAddress(), "alive")).isEqualTo("alive");
        server.close();
        assertThat(keeper.join(Duration.ofSeconds(5))).as("the keeper ends with the server").isTrue();
    }

    @Test
    void servesIpv6Loopback() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(v6, 0));
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e);
        }
        try (Server server = Server.tcp(config().bind(new InetSocketAddress(v6, 0)).build(), TestClients::echo).start()) {
            assertThat(((InetSocketAddress) server.localAddress()).getAddress()).isEqualTo(v6);
            assertThat(exchange(server.localAddress(), "six")).isEqualTo("six");
        }
    }

    @Test
    void readReturnsWhatOneReadReturnsAndTcpNoDelayIsOn() throws Exception {
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        CompletableFuture<String> firstRead = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            noDelay.complete(c.channel().getOption(java.net.StandardSocketOptions.TCP_NODELAY));
            byte[] buf = new byte[1024];
            int n = c.read(buf);
            firstRead.complete(new String(buf, 0, n, StandardCharsets.US_ASCII));
            c.write("Hello, client\n".getBytes(StandardCharsets.US_ASCII));
        };
        try (Server server = Server.tcp(config().build(), handler).start();
                Socket s = connect(server.localAddress())) {
            s.getOutputStream().write("Hi\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Hello, client\n");
            assertThat(firstRead.get(10, TimeUnit.SECONDS)).isEqualTo("Hi\n");
            assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void tcpNoDelayCanBeTurnedOff() throws Exception {
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        ConnectionHandler handler = c -> noDelay.complete(c.channel().getOption(java.net.StandardSocketOptions.TCP_NODELAY));
        try (Server server = Server.tcp(config().tcpNoDelay(false).build(), handler).start()) {
            exchange(server.localAddress(), "");
            assertThat(noDelay.get(10, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void setupHandleFinishRunInOrderAndFinishRunsWhenHandleThrows() throws Exception {
        ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        CountDownLatch finished = new CountDownLatch(1);
        ConnectionHandler handler = new ConnectionHandler() {
            @Override
            public void setup(Connection c) {
                calls.add("setup");
            }

            @Override
            public void handle(Connection c) throws IOException {
                calls.add("handle");
                c.read(new byte[1]); // consume the request, so closing sends FIN rather than RST
                throw new IOException("boom");
            }

            @Override
            public void finish(Connection c) {
                calls.add("finish open=" + c.isOpen());
                finished.countDown();
            }
        };
        try (Server server = Server.tcp(config().build(), handler).start()) {
            assertThat(exchange(server.localAddress(), "x")).isEmpty();
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(List.copyOf(calls)).containsExactly("setup", "handle", "finish open=true");
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheServerKeepsServing() throws Exception {
        ConnectionHandler handler = c -> {
            byte[] buf = new byte[16];
            int n = c.read(buf);
            if (n > 0 && buf[0] == '!') {
                throw new IllegalStateException("handler bug (expected by the test)");
            }
            c.write(buf, 0, Math.max(n, 0));
        };
        try (Server server = Server.tcp(config().build(), handler).start()) {
            assertThat(exchange(server.localAddress(), "!")).isEmpty();
            assertThat(exchange(server.localAddress(), "ok")).isEqualTo("ok");
            Counters c = awaitCounters(server, 2);
            assertThat(c.failed()).isEqualTo(1);
            assertThat(c.completed()).isEqualTo(1);
            assertThat(c.accepted()).isEqualTo(2);
            assertThat(c.active()).isZero();
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        }
    }

    @Test
    void acceptFilterClosesRefusedPeersAtOnce() throws Exception {
        try (Server server = Server.tcp(config().acceptFilter(peer -> false).build(), TestClients::echo).start();
                Socket s = connect(server.localAddress())) {
            // The handler never runs: the connection is closed without a byte.
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
            Counters c = server.counters();
            assertThat(c.rejected()).isEqualTo(1);
            assertThat(c.completed() + c.failed()).isZero();
        }
        try (Server server = Server.tcp(config().acceptFilter(peer ->
                ((InetSocketAddress) peer).getAddress().isLoopbackAddress()).build(), TestClients::echo).start()) {
            assertThat(exchange(server.localAddress(), "loopback ok")).isEqualTo("loopback ok");
        }
    }

    @Test
    void idleTimeoutClosesASilentPeer() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            try {
                c.read(new byte[16]);
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        };
        try (Server server = Server.tcp(config().idleTimeout(Duration.ofMillis(200)).build(), handler).start();
                Socket s = connect(server.localAddress())) {
            // The client says nothing; the server gives up and closes.
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
            assertThat(awaitCounters(server, 1).failed()).isEqualTo(1);
        }
    }

    @Test
    void aPeerThatStopsReadingTimesOutTheWrites() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ConnectionHandler flood = c -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (true) {
                    c.write(chunk); // fills both socket buffers, then blocks: the client never reads
                }
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        };
        try (Server server = Server.tcp(config().idleTimeout(Duration.ofMillis(200)).build(), flood).start();
                Socket s = connect(server.localAddress())) {
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("peer read nothing");
        }
    }

    @Test
    void aHandlerCanSetItsOwnIdleTimeout() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            assertThat(c.idleTimeout()).isEqualTo(Duration.ZERO);
            c.setIdleTimeout(Duration.ofMillis(100));
            try {
                c.read(new byte[8]);
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        };
        try (Server server = Server.tcp(config().idleTimeout(Duration.ZERO).build(), handler).start();
                Socket s = connect(server.localAddress())) {
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
        }
    }

    @Test
    void aPeerThatResetsMidMessageFailsOnlyItsConnection() throws Exception {
        CountDownLatch gotPart = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            byte[] buf = new byte[64];
            try {
                c.read(buf);
                gotPart.countDown();
                // The message is not complete: wait for the rest, which never comes.
                int n;
                while ((n = c.read(buf)) > 0) {
                    assertThat(n).isPositive();
                }
                outcome.complete(null);
            } catch (IOException e) {
                outcome.complete(e);
                throw e;
            }
        };
        try (Server server = Server.tcp(config().build(), handler).start()) {
            Socket s = connect(server.localAddress());
            s.getOutputStream().write("PARTIAL MESS".getBytes(StandardCharsets.US_ASCII));
            assertThat(gotPart.await(10, TimeUnit.SECONDS)).isTrue();
            s.setSoLinger(true, 0); // close sends RST instead of FIN
            s.close();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
            assertThat(exchange(server.localAddress(), "")).isEmpty();
            assertThat(awaitCounters(server, 2).failed()).isEqualTo(1);
        }
    }

    @Test
    void platformPoolServesConcurrentClients() throws Exception {
        try (Server server = Server.tcp(config().concurrency(Concurrency.platformPool(2)).build(), TestClients::echo).start()) {
            try (Socket a = connect(server.localAddress()); Socket b = connect(server.localAddress())) {
                // Both are served at the same time by the two pool threads.
                a.getOutputStream().write('a');
                b.getOutputStream().write('b');
                assertThat(b.getInputStream().read()).isEqualTo('b');
                assertThat(a.getInputStream().read()).isEqualTo('a');
            }
            assertThat(exchange(server.localAddress(), "pool")).isEqualTo("pool");
            assertThat(awaitCounters(server, 3).completed()).isEqualTo(3);
        }
    }

    @Test
    void serialModeServesOneConnectionAtATime() throws Exception {
        try (Server server = Server.tcp(config().concurrency(Concurrency.serial()).build(), TestClients::echo).start();
                Socket first = connect(server.localAddress());
                Socket second = connect(server.localAddress())) {
            second.getOutputStream().write('2');
            first.getOutputStream().write('1');
            assertThat(first.getInputStream().read()).isEqualTo('1');
            // The second waits in the backlog until the first ends.
            assertThat(server.counters().accepted()).isEqualTo(1);
            second.setSoTimeout(100);
            assertThatThrownBy(() -> second.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            first.close();
            second.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
            assertThat(second.getInputStream().read()).isEqualTo('2');
        }
    }

    @Test
    void serveForeverBlocksUntilShutdown() throws Exception {
        Server server = Server.tcp(config().build(), TestClients::echo);
        Thread t = Thread.ofPlatform().start(server::serveForever);
        assertThat(exchange(server.localAddress(), "forever")).isEqualTo("forever");
        assertThat(server.shutdown(Duration.ofSeconds(1))).isTrue();
        t.join(Duration.ofSeconds(10));
        assertThat(t.isAlive()).isFalse();
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> ServerConfig.builder().maxConnections(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> ServerConfig.builder().idleTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle timeout");
        assertThatThrownBy(() -> Concurrency.platformPool(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Server.unix(ServerConfig.builder().build(), TestClients::echo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UnixDomainSocketAddress");
    }

    @Test
    void aTakenPortFailsAtBind() throws Exception {
        try (Server first = Server.tcp(config().build(), TestClients::echo)) {
            ServerConfig same = config().bind(first.localAddress()).reuseAddress(false).build();
            assertThatThrownBy(() -> Server.tcp(same, TestClients::echo)).isInstanceOf(java.net.BindException.class);
        }
    }

    /** Waits until {@code n} connections have ended (counters are updated after the client sees EOF). */
    static Counters awaitCounters(Server server, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Counters c = server.counters();
        while (c.completed() + c.failed() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
            c = server.counters();
        }
        return c;
    }
}
