package io.inetkit.server;

import static io.inetkit.server.EventProtocols.bytes;
import static io.inetkit.server.EventProtocols.config;
import static io.inetkit.server.EventProtocols.echo;
import static io.inetkit.server.TestClients.connect;
import static io.inetkit.server.TestClients.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event server's bounds: idle timeout, connection limit, write queue (backpressure). */
@Timeout(30)
class EventLimitsTest {

    @Test
    void aSilentPeerIsClosedAfterTheIdleTimeoutAndCountedFailed() throws Exception {
        CompletableFuture<Throwable> why = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                why.complete(failure);
            }
        };
        try (EventServer server = Server.tcpEvents(config().idleTimeout(Duration.ofMillis(200)).build(), () -> p).start()) {
            long t0 = System.nanoTime();
            try (Socket silent = connect(server.localAddress())) {
                assertThat(silent.getInputStream().read()).as("closed by the server").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            }
            assertThat(why.get(5, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
            assertThat(StreamServerTest.awaitCounters(server, 1).failed()).isEqualTo(1);
        }
    }

    /** Holds each connection's first message until released, then answers "ok" and closes. */
    private static final class Holding implements StreamProtocol {
        final List<EventConnection> held = new CopyOnWriteArrayList<>();
        final CountDownLatch arrived;
        final AtomicBoolean released = new AtomicBoolean();

        Holding(int expected) {
            arrived = new CountDownLatch(expected);
        }

        @Override
        public void received(EventConnection c, ByteBuffer data) {
            if (released.get()) {
                answer(c);
            } else {
                held.add(c);
                arrived.countDown();
            }
        }

        void release() {
            released.set(true);
            held.forEach(Holding::answer); // from the test thread: handed to each connection's loop
        }

        static void answer(EventConnection c) {
            c.write(bytes("ok"));
            c.close();
        }
    }

    @Test
    void excessConnectionsWaitForAFreeSlot() throws Exception {
        Holding p = new Holding(2);
        try (EventServer server = Server.tcpEvents(config().maxConnections(2).build(), () -> p).start();
                Socket a = connect(server.localAddress());
                Socket b = connect(server.localAddress());
                Socket c = connect(server.localAddress())) {
            for (Socket s : new Socket[] {a, b, c}) {
                s.getOutputStream().write('x');
            }
            assertThat(p.arrived.await(10, TimeUnit.SECONDS)).isTrue();
            // The third connection waits in the listen backlog: not accepted while two are served.
            assertThat(server.counters().active()).isEqualTo(2);
            assertThat(server.counters().accepted()).isEqualTo(2);
            p.release();
            for (Socket s : new Socket[] {a, b, c}) {
                assertThat(TestClients.readToEnd(s.getInputStream())).isEqualTo("ok");
            }
            Counters counters = StreamServerTest.awaitCounters(server, 3);
            assertThat(counters.completed()).isEqualTo(3);
            assertThat(counters.rejected()).isZero();
        }
    }

    @Test
    void excessConnectionsAreClosedWithTheClosePolicy() throws Exception {
        Holding p = new Holding(1);
        ServerConfig cfg = config().maxConnections(1).overloadPolicy(OverloadPolicy.close()).build();
        try (EventServer server = Server.tcpEvents(cfg, () -> p).start();
                Socket a = connect(server.localAddress())) {
            a.getOutputStream().write('x');
            assertThat(p.arrived.await(10, TimeUnit.SECONDS)).isTrue();
            try (Socket refused = connect(server.localAddress())) {
                assertThat(TestClients.readToEnd(refused.getInputStream())).isEmpty();
            }
            assertThat(server.counters().rejected()).isEqualTo(1);
            p.release();
            assertThat(TestClients.readToEnd(a.getInputStream())).isEqualTo("ok");
        }
    }

    @Test
    void excessConnectionsGetTheBusyHandler() throws Exception {
        Holding p = new Holding(1);
        ConnectionHandler busy = c -> c.write("busy\n".getBytes(StandardCharsets.US_ASCII));
        ServerConfig cfg = config().maxConnections(1).overloadPolicy(OverloadPolicy.busy(busy)).build();
        try (EventServer server = Server.tcpEvents(cfg, () -> p).start();
                Socket a = connect(server.localAddress())) {
            a.getOutputStream().write('x');
            assertThat(p.arrived.await(10, TimeUnit.SECONDS)).isTrue();
            try (Socket refused = connect(server.localAddress())) {
                assertThat(TestClients.readToEnd(refused.getInputStream())).isEqualTo("busy\n");
            }
            assertThat(server.counters().rejected()).isEqualTo(1);
            p.release();
            assertThat(TestClients.readToEnd(a.getInputStream())).isEqualTo("ok");
        }
    }

    @Test
    void aPeerThatNeverReadsIsBoundedAndOthersAreStillServed() throws Exception {
        int limit = 64 * 1024;
        byte[] reply = new byte[32 * 1024];
        CompletableFuture<EventConnection> flooder = new CompletableFuture<>();
        CompletableFuture<Throwable> flooderClosed = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                if (data.get(data.position()) != 'F') {
                    c.write(data); // an ordinary echo client
                    return;
                }
                c.write(reply); // 32 KiB per request: far more than the peer reads (nothing)
                if (c.readingPaused()) {
                    flooder.complete(c);
                }
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                if (flooder.isDone() && flooder.getNow(null) == c) {
                    flooderClosed.complete(failure);
                }
            }
        };
        ServerConfig cfg = config().eventLoops(1).maxWriteQueueBytes(limit).build();
        try (EventServer server = Server.tcpEvents(cfg, () -> p).start()) {
            Socket flood = connect(server.localAddress());
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] request = new byte[1024];
                java.util.Arrays.fill(request, (byte) 'F');
                try {
                    OutputStream out = flood.getOutputStream();
                    while (true) {
                        out.write(request); // blocks for good once the server stops reading
                    }
                } catch (IOException e) {
                    // the socket is closed at the end of the test
                }
            });
            EventConnection c = flooder.get(10, TimeUnit.SECONDS);
            // Others are served while the flooder is paused, on the same loop.
            assertThat(exchange(server.localAddress(), "still here")).isEqualTo("still here");
            CompletableFuture<int[]> state = new CompletableFuture<>();
            c.execute(() -> state.complete(new int[] {c.queuedBytes(), c.readingPaused() ? 1 : 0}));
            int[] s = state.get(5, TimeUnit.SECONDS);
            assertThat(s[1]).as("reading is paused").isEqualTo(1);
            assertThat(s[0]).as("queued bytes stay within the limit plus one callback's writes")
                    .isBetween(limit + 1, limit + reply.length);
            // Its peer goes away: the stuck connection ends and frees its memory.
            flood.setSoLinger(true, 0);
            flood.close();
            writer.join(Duration.ofSeconds(5));
            assertThat(flooderClosed.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void echoesALargeTransferThroughTheQueue() throws Exception {
        // 4 MiB echoed while the client writes it all first: the echo backs up, reading pauses and resumes.
        byte[] big = new byte[4 << 20];
        new java.util.Random(1).nextBytes(big);
        try (EventServer server = Server.tcpEvents(config().build(), echo()).start();
                Socket s = connect(server.localAddress())) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write(big);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] back = s.getInputStream().readAllBytes();
            writer.join();
            assertThat(back).isEqualTo(big);
        }
    }
}
