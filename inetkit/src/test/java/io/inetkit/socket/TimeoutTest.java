package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(20)
class TimeoutTest {
    private static final Duration SHORT = Duration.ofMillis(200);

    @TempDir
    Path dir;

    @Test
    void timeoutAndBlockingFlagsFollowPython() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            assertThat(s.timeout()).isNull();
            assertThat(s.isBlocking()).isTrue();
            s.setBlocking(false);
            assertThat(s.timeout()).isEqualTo(Duration.ZERO);
            assertThat(s.isBlocking()).isFalse();
            s.setTimeout(SHORT);
            assertThat(s.isBlocking()).isTrue(); // Python: getblocking() is gettimeout() != 0
            s.setBlocking(true);
            assertThat(s.timeout()).isNull();
            assertThatThrownBy(() -> s.setTimeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must not be negative, got PT-0.001S");
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void recvTimesOutAgainstASilentPeer(Family family) throws Exception {
        try (Loopback.Pair p = Loopback.pair(family, dir)) {
            p.client().setTimeout(SHORT);
            long start = System.nanoTime();
            assertThatThrownBy(() -> p.client().recv(10)).isInstanceOf(TimedOutException.class)
                    .isInstanceOf(java.net.SocketTimeoutException.class)
                    .hasMessage("recv timed out after 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        }
    }

    @Test
    void recvWithTimeoutReturnsDataThatArrivesWhileWaiting() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.client().setTimeout(Duration.ofSeconds(10));
            CompletableFuture<byte[]> got = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    got.complete(p.client().recv(10));
                } catch (Exception e) {
                    got.completeExceptionally(e);
                }
            });
            Loopback.awaitParked(reader);
            p.server().sendAll(new byte[] {7, 8});
            assertThat(got.get()).containsExactly(7, 8);
        }
    }

    @Test
    void recvWouldBlockWhenNonBlocking() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET6, dir)) {
            p.client().setBlocking(false);
            long start = System.nanoTime();
            assertThatThrownBy(() -> p.client().recv(10)).isInstanceOfSatisfying(WouldBlockException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN)).hasMessage("recv would block");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            p.server().sendAll(new byte[] {1});
            // Turn blocking again (releases the selector) and the data is there.
            p.client().setBlocking(true);
            assertThat(p.client().recv(10)).containsExactly(1);
        }
    }

    @Test
    void timedOutSocketCanTurnBlockingAndReceive() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.client().setTimeout(Duration.ofMillis(50));
            assertThatThrownBy(() -> p.client().recv(1)).isInstanceOf(TimedOutException.class);
            p.client().setTimeout(null);
            p.server().sendAll(new byte[] {42});
            assertThat(p.client().recv(1)).containsExactly(42);
        }
    }

    @Test
    void removingTheTimeoutWhileAnotherThreadWaitsKeepsItWaiting() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.client().setTimeout(Duration.ofSeconds(30));
            CompletableFuture<byte[]> got = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    got.complete(p.client().recv(10));
                } catch (Exception e) {
                    got.completeExceptionally(e);
                }
            });
            Loopback.awaitParked(reader);
            p.client().setTimeout(null); // turns the channel blocking under the waiting reader
            assertThat(p.client().timeout()).isNull();
            p.server().sendAll(new byte[] {4, 2});
            assertThat(got.get()).containsExactly(4, 2);
            p.client().setTimeout(Duration.ofMillis(50)); // and back: waits work again
            assertThatThrownBy(() -> p.client().recv(1)).isInstanceOf(TimedOutException.class);
        }
    }

    @Test
    void acceptWouldBlockThenTimesOutThenSucceeds() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET, dir)) {
            listener.setBlocking(false);
            assertThatThrownBy(listener::accept).isInstanceOf(WouldBlockException.class)
                    .hasMessage("accept would block");
            listener.setTimeout(SHORT);
            long start = System.nanoTime();
            assertThatThrownBy(listener::accept).isInstanceOf(TimedOutException.class)
                    .hasMessage("accept timed out after 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
            listener.setTimeout(Duration.ofSeconds(10));
            try (Socket client = Socket.open(Family.INET, Kind.STREAM)) {
                client.connect(listener.localAddress());
                Accepted a = listener.accept();
                try (Socket s = a.socket()) {
                    assertThat(s.timeout()).isNull(); // accepted sockets are blocking, as in Python
                    assertThat(a.peer()).isEqualTo(client.localAddress());
                }
            }
        }
    }

    @Test
    void nonBlockingConnectReportsInProgressThenFinishes() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET, dir);
                Socket client = Socket.open(Family.INET, Kind.STREAM)) {
            client.setBlocking(false);
            Errno first = client.connectEx(listener.localAddress());
            assertThat(first).isIn(Errno.OK, Errno.EINPROGRESS);
            client.setTimeout(Duration.ofSeconds(10));
            Errno second = client.connectEx(listener.localAddress());
            assertThat(second).isIn(Errno.OK, Errno.EISCONN);
            assertThat(client.isConnected()).isTrue();
            assertThat(client.connectEx(listener.localAddress())).isEqualTo(Errno.EISCONN);
        }
    }

    @Test
    void connectTimesOutWhenTheBacklogIsFull() throws Exception {
        // A listener that never accepts: once its queue is full the kernel drops further SYNs.
        try (Socket listener = Loopback.reuse(Socket.open(Family.INET, Kind.STREAM))) {
            listener.bind(Loopback.v4(0));
            listener.listen(1);
            List<Socket> fillers = new ArrayList<>();
            try {
                Errno outcome = Errno.OK;
                long start = 0;
                for (int i = 0; i < 8 && outcome != Errno.ETIMEDOUT; i++) {
                    Socket c = Socket.open(Family.INET, Kind.STREAM);
                    fillers.add(c);
                    c.setTimeout(SHORT);
                    start = System.nanoTime();
                    outcome = c.connectEx(listener.localAddress());
                }
                assertThat(outcome).isEqualTo(Errno.ETIMEDOUT);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
                Socket last = Socket.open(Family.INET, Kind.STREAM);
                fillers.add(last);
                last.setTimeout(SHORT);
                assertThatThrownBy(() -> last.connect(listener.localAddress())).isInstanceOf(TimedOutException.class)
                        .hasMessage("connect to " + listener.localAddress() + " timed out after 200 ms");
            } finally {
                fillers.forEach(Socket::close);
            }
        }
    }

    @Test
    void nonBlockingSendReturnsPartialCountWhenPeerBufferIsFull() throws Exception {
        try (Socket listener = Socket.open(Family.INET, Kind.STREAM)) {
            Loopback.reuse(listener).setOption(Options.SO_RCVBUF, 4096);
            listener.bind(Loopback.v4(0));
            listener.listen(1);
            try (Socket client = Socket.open(Family.INET, Kind.STREAM)) {
                client.setOption(Options.SO_SNDBUF, 4096);
                client.connect(listener.localAddress());
                try (Socket server = listener.accept().socket()) {
                    client.setBlocking(false);
                    ByteBuffer big = ByteBuffer.allocate(8 << 20);
                    int sent = client.send(big);
                    assertThat(sent).isPositive().isLessThan(8 << 20);
                    assertThat(big.position()).isEqualTo(sent);
                    // Keep pushing until nothing fits: then send must say "would block".
                    assertThatThrownBy(() -> {
                        while (true) {
                            client.send(big);
                        }
                    }).isInstanceOf(WouldBlockException.class).hasMessage("send would block");
                    assertThatThrownBy(() -> client.sendAll(new byte[1 << 20])).isInstanceOf(WouldBlockException.class)
                            .hasMessageMatching("sendAll sent \\d+ of 1048576 bytes; the rest would block");
                    client.setTimeout(Duration.ofMillis(100));
                    assertThatThrownBy(() -> client.sendAll(new byte[1 << 20])).isInstanceOf(TimedOutException.class)
                            .hasMessageMatching("sendAll timed out after 100 ms having sent \\d+ of 1048576 bytes");
                    assertThat(server.recv(100)).isNotEmpty();
                }
            }
        }
    }

    @Test
    void manyVirtualThreadsWithTimeoutsEcho() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET, dir);
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            int clients = 50;
            Future<?> server = executor.submit(() -> {
                for (int i = 0; i < clients; i++) {
                    Socket s = listener.accept().socket();
                    executor.submit(() -> {
                        try (s) {
                            s.setTimeout(Duration.ofSeconds(10));
                            byte[] b = s.recv(16);
                            s.sendAll(b);
                        }
                        return null;
                    });
                }
                return null;
            });
            List<Future<byte[]>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                byte n = (byte) i;
                replies.add(executor.submit(() -> {
                    try (Socket c = Socket.open(Family.INET, Kind.STREAM)) {
                        c.setTimeout(Duration.ofSeconds(10));
                        c.connect(listener.localAddress());
                        c.sendAll(new byte[] {n});
                        return c.recv(16);
                    }
                }));
            }
            for (int i = 0; i < clients; i++) {
                assertThat(replies.get(i).get()).containsExactly((byte) i);
            }
            server.get();
        }
    }
}
