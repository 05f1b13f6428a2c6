package io.inetkit.server;

import static io.inetkit.server.EventProtocols.bytes;
import static io.inetkit.server.EventProtocols.config;
import static io.inetkit.server.EventProtocols.echo;
import static io.inetkit.server.EventProtocols.text;
import static io.inetkit.server.TestClients.connect;
import static io.inetkit.server.TestClients.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event-loop server: transports, the protocol callbacks, writes from other threads, broken peers. */
@Timeout(30)
class EventServerTest {

    @Test
    void echoesOverTcpWithNoDelayAndCountsConnections() throws Exception {
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        StreamProtocol probe = new StreamProtocol() {
            @Override
            public void connected(EventConnection c) {
                try {
                    noDelay.complete(((SocketChannel) c.channel).getOption(StandardSocketOptions.TCP_NODELAY));
                } catch (IOException e) {
                    noDelay.completeExceptionally(e);
                }
            }

            @Override
            public void received(EventConnection c, ByteBuffer data) {
                c.write(data);
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> probe).start()) {
            InetSocketAddress address = TestClients.loopback(server);
            assertThat(address.getPort()).isPositive();
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
            assertThat(server.eventLoops()).isEqualTo(2);
            assertThat(exchange(address, "hello")).isEqualTo("hello");
            assertThat(exchange(address, "again")).isEqualTo("again");
            assertThat(noDelay.get(5, TimeUnit.SECONDS)).isTrue();
            Counters c = StreamServerTest.awaitCounters(server, 2);
            assertThat(c).isEqualTo(new Counters(2, 0, 2, 0, 0));
        }
    }

    @Test
    void loopThreadsAreNamedDaemonsAndAKeeperHoldsTheJvm() throws Exception {
        EventServer server = Server.tcpEvents(config().name("ev-keeper").build(), echo()).start();
        Thread loop = thread("ev-keeper-loop-1");
        Thread keeper = thread("ev-keeper-keeper");
        assertThat(loop.isDaemon()).isTrue();
        assertThat(loop.isVirtual()).isFalse();
        assertThat(keeper.isDaemon()).isFalse();
        assertThat(server.shutdown(Duration.ofSeconds(1))).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        assertThat(keeper.join(Duration.ofSeconds(5))).isTrue();
        assertThat(loop.join(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void serveForeverRunsLoopZeroInTheCallerUntilShutdown() throws Exception {
        EventServer server = Server.tcpEvents(config().build(), echo());
        CompletableFuture<Void> served = CompletableFuture.runAsync(server::serveForever,
                r -> Thread.ofPlatform().name("serve-forever-caller").start(r));
        try {
            assertThat(exchange(server.localAddress(), "one")).isEqualTo("one");
            assertThat(exchange(server.localAddress(), "two")).isEqualTo("two"); // the second loop too
        } finally {
            assertThat(server.shutdown(Duration.ofSeconds(1))).isTrue();
        }
        served.get(5, TimeUnit.SECONDS);
        assertThat(server.counters().completed()).isEqualTo(2);
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void echoesOverUnixSocketsAndRemovesTheFile(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("echo.sock");
        EventServer server = Server.unixEvents(config().unixPath(path).build(), echo()).start();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(server.localAddress());
            ch.write(ByteBuffer.wrap(bytes("over unix")));
            ch.shutdownOutput();
            assertThat(new String(java.nio.channels.Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("over unix");
        } finally {
            server.close();
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void refusesTlsAtOnceAndSaysWhatToUse() throws Exception {
        ServerConfig tls = config().tls(TlsListener.of(SSLContext.getDefault())).build();
        assertThatThrownBy(() -> Server.tcpEvents(tls, echo()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS needs Server.tcp");
    }

    @Test
    void eachConnectionGetsItsOwnProtocolInstanceFromTheFactory() throws Exception {
        AtomicInteger made = new AtomicInteger();
        try (EventServer server = Server.tcpEvents(config().build(), () -> {
            made.incrementAndGet();
            return new StreamProtocol() {
                private int messages; // per-connection state in a field, asyncio style

                @Override
                public void received(EventConnection c, ByteBuffer data) {
                    messages++;
                    c.write(bytes(messages + ":" + text(data) + ";"));
                }
            };
        }).start(); Socket a = connect(server.localAddress()); Socket b = connect(server.localAddress())) {
            assertThat(roundTrip(a, "x")).isEqualTo("1:x;");
            assertThat(roundTrip(a, "y")).isEqualTo("2:y;");
            assertThat(roundTrip(b, "z")).isEqualTo("1:z;");
            assertThat(made.get()).isEqualTo(2);
        }
    }

    /** Writes a message and reads one reply of known shape ending in ';'. */
    private static String roundTrip(Socket s, String message) throws IOException {
        s.getOutputStream().write(bytes(message));
        StringBuilder sb = new StringBuilder();
        InputStream in = s.getInputStream();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (c == ';') {
                break;
            }
        }
        return sb.toString();
    }

    @Test
    void anotherThreadWritesAndClosesThroughTheLoop() throws Exception {
        CompletableFuture<EventConnection> connected = new CompletableFuture<>();
        StreamProtocol hold = new StreamProtocol() {
            @Override
            public void connected(EventConnection c) {
                connected.complete(c);
            }

            @Override
            public void received(EventConnection c, ByteBuffer data) {
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> hold).start();
                Socket s = connect(server.localAddress())) {
            EventConnection c = connected.get(5, TimeUnit.SECONDS);
            assertThat(c.inLoop()).isFalse();
            assertThatThrownBy(c::outputBuffer).isInstanceOf(IllegalStateException.class);
            byte[] big = new byte[1 << 20]; // more than the socket takes at once: queued, then flushed
            java.util.Arrays.fill(big, (byte) 'p');
            assertThat(c.write(bytes("pushed:"))).isTrue();
            assertThat(c.write(big)).isTrue();
            c.close(); // after the queued bytes
            byte[] got = s.getInputStream().readAllBytes();
            assertThat(got).hasSize(7 + big.length);
            assertThat(new String(got, 0, 7, StandardCharsets.UTF_8)).isEqualTo("pushed:");
            assertThat(StreamServerTest.awaitCounters(server, 1).completed()).isEqualTo(1);
            assertThat(c.write(bytes("late"))).as("a closed connection refuses writes").isFalse();
        }
    }

    @Test
    void halfCloseInBothDirections() throws Exception {
        CompletableFuture<String> afterShutdown = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                String s = text(data);
                if (s.equals("q")) {
                    c.write(bytes("done"));
                    c.shutdownOutput(); // the peer sees EOF; we go on reading
                } else {
                    afterShutdown.complete(s);
                }
            }

            @Override
            public void endOfInput(EventConnection c) {
                c.close();
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> p).start();
                Socket s = connect(server.localAddress())) {
            s.getOutputStream().write(bytes("q"));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("done");
            s.getOutputStream().write(bytes("still reading"));
            assertThat(afterShutdown.get(5, TimeUnit.SECONDS)).isEqualTo("still reading");
            s.shutdownOutput();
            assertThat(StreamServerTest.awaitCounters(server, 1).completed()).isEqualTo(1);
        }
    }

    @Test
    void endOfInputCanStillWriteBeforeClosing() throws Exception {
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                c.write(data);
            }

            @Override
            public void endOfInput(EventConnection c) {
                c.write(bytes(" bye"));
                c.close();
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> p).start()) {
            assertThat(exchange(server.localAddress(), "abc")).isEqualTo("abc bye");
        }
    }

    @Test
    void aPeerThatResetsMidMessageFailsOnlyItsConnection() throws Exception {
        CompletableFuture<Throwable> why = new CompletableFuture<>();
        CompletableFuture<String> got = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                String s = text(data);
                if (s.startsWith("half")) {
                    got.complete(s); // waits for the rest of the message, which never comes
                } else {
                    c.write(bytes(s));
                }
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                if (failure != null) {
                    why.complete(failure);
                }
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> p).start()) {
            try (Socket s = connect(server.localAddress())) {
                s.getOutputStream().write(bytes("half a mess"));
                assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("half a mess");
                s.setSoLinger(true, 0); // close with RST
            }
            assertThat(why.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
            assertThat(exchange(server.localAddress(), "next")).isEqualTo("next");
            Counters c = StreamServerTest.awaitCounters(server, 2);
            assertThat(c.failed()).isEqualTo(1);
            assertThat(c.completed()).isEqualTo(1);
        }
    }

    @Test
    void aThrowingCallbackClosesItsConnectionAndTheLoopGoesOn() throws Exception {
        CompletableFuture<Throwable> why = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                if (text(data).equals("boom")) {
                    throw new IllegalStateException("boom (thrown on purpose by the test)");
                }
                c.write(data);
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                if (failure != null) {
                    why.complete(failure);
                }
            }
        };
        try (EventServer server = Server.tcpEvents(config().eventLoops(1).build(), () -> p).start();
                Socket other = connect(server.localAddress())) {
            other.getOutputStream().write(bytes("before"));
            assertThat(new String(other.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("before");
            try (Socket s = connect(server.localAddress())) {
                s.getOutputStream().write(bytes("boom"));
                assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
            }
            assertThat(why.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            other.getOutputStream().write(bytes("after"));
            assertThat(new String(other.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("after");
            assertThat(StreamServerTest.awaitCounters(server, 1).failed()).isEqualTo(1);
        }
    }

    @Test
    void acceptFilterClosesRefusedPeersAtOnce() throws Exception {
        try (EventServer server = Server.tcpEvents(config().acceptFilter(peer -> false).build(), echo()).start();
                Socket s = connect(server.localAddress())) {
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
            assertThat(server.counters().rejected()).isEqualTo(1);
            assertThat(server.counters().active()).isZero();
        }
    }

    @Test
    void abortClosesAtOnceAndDropsWhatIsQueued() throws Exception {
        CompletableFuture<int[]> atAbort = new CompletableFuture<>();
        CompletableFuture<Throwable> why = new CompletableFuture<>();
        AtomicInteger queuedAtClose = new AtomicInteger(-1);
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                c.write(new byte[8 << 20]); // far more than the socket takes: most of it is queued
                atAbort.complete(new int[] {c.queuedBytes()});
                c.abort();
                assertThat(c.write(bytes("x"))).as("no writes after abort").isFalse();
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                queuedAtClose.set(c.queuedBytes());
                why.complete(failure);
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> p).start();
                Socket s = connect(server.localAddress())) {
            s.getOutputStream().write('a');
            assertThat(atAbort.get(5, TimeUnit.SECONDS)[0]).isPositive();
            long got = 0;
            try {
                got = s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.net.SocketException reset) {
                // closing with unsent data may reset the connection: also fine
            }
            assertThat(got).isLessThan(8 << 20);
            assertThat(why.get(5, TimeUnit.SECONDS)).isNull();
            assertThat(queuedAtClose.get()).as("the queue is dropped").isZero();
        }
    }

    @Test
    void pauseAndResumeReading() throws Exception {
        CompletableFuture<EventConnection> connected = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void connected(EventConnection c) {
                c.pauseReading();
                connected.complete(c);
            }

            @Override
            public void received(EventConnection c, ByteBuffer data) {
                c.write(data);
            }
        };
        try (EventServer server = Server.tcpEvents(config().build(), () -> p).start();
                Socket s = connect(server.localAddress())) {
            EventConnection c = connected.get(5, TimeUnit.SECONDS);
            s.getOutputStream().write(bytes("waits"));
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).as("nothing is read while paused")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            s.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
            c.resumeReading();
            assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("waits");
        }
    }
}
