package io.inetkit.server;

import static io.inetkit.server.EventProtocols.bytes;
import static io.inetkit.server.EventProtocols.config;
import static io.inetkit.server.EventProtocols.echo;
import static io.inetkit.server.EventProtocols.text;
import static io.inetkit.server.TestClients.awaitListenerClosed;
import static io.inetkit.server.TestClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
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

/** Graceful shutdown of the event server: in flight work finishes, then the rest is closed. */
@Timeout(30)
class EventShutdownTest {
    private static final int CLIENTS = 20;
    private static final int ROUND_TRIPS = 200;

    @Test
    void requestsInFlightAreAllAnsweredDuringTheGracePeriod() throws Exception {
        EventServer server = Server.tcpEvents(config().build(), echo()).start();
        CountDownLatch started = new CountDownLatch(CLIENTS);
        CountDownLatch shutdownBegun = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answered = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            CompletableFuture<Integer> done = new CompletableFuture<>();
            answered.add(done);
            Thread.ofVirtual().start(() -> {
                int ok = 0;
                try (Socket s = connect(server.localAddress())) {
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    for (int r = 0; r < ROUND_TRIPS; r++) {
                        if (r == ROUND_TRIPS / 2) {
                            started.countDown();
                            shutdownBegun.await(); // the second half runs while the server shuts down
                        }
                        byte[] msg = bytes("m" + r + ";");
                        out.write(msg);
                        if (new String(in.readNBytes(msg.length), StandardCharsets.UTF_8).equals("m" + r + ";")) {
                            ok++;
                        }
                    }
                    done.complete(ok);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
        }
        CompletableFuture<Boolean> shutdown = new CompletableFuture<>();
        try {
            assertThat(started.await(15, TimeUnit.SECONDS)).isTrue();
            // Not the common pool: on two cores it has one thread, which other tests may need.
            Thread.ofPlatform().start(() -> shutdown.complete(server.shutdown(Duration.ofSeconds(20))));
            awaitListenerClosed(server);
        } finally {
            shutdownBegun.countDown();
        }
        for (CompletableFuture<Integer> f : answered) {
            assertThat(f.get(15, TimeUnit.SECONDS)).isEqualTo(ROUND_TRIPS);
        }
        assertThat(shutdown.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        Counters c = server.counters();
        // A probe of awaitListenerClosed may slip in before the listener closes; it is served too.
        assertThat(c.completed()).isGreaterThanOrEqualTo(CLIENTS).isEqualTo(c.accepted());
        assertThat(c.failed()).isZero();
        assertThat(c.active()).isZero();
    }

    @Test
    void connectionsLeftAfterTheGraceAreClosed() throws Exception {
        CompletableFuture<Throwable> why = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void connected(EventConnection c) {
                c.write(bytes("hi"));
            }

            @Override
            public void received(EventConnection c, ByteBuffer data) {
            }

            @Override
            public void closed(EventConnection c, Throwable failure) {
                why.complete(failure);
            }
        };
        EventServer server = Server.tcpEvents(config().build(), () -> p).start();
        try (Socket idle = connect(server.localAddress())) {
            assertThat(new String(idle.getInputStream().readNBytes(2), StandardCharsets.UTF_8)).isEqualTo("hi");
            assertThat(server.shutdown(Duration.ofMillis(100))).isTrue();
            assertThat(TestClients.readToEnd(idle.getInputStream())).isEmpty();
        }
        assertThat(why.get(5, TimeUnit.SECONDS)).isInstanceOf(SocketException.class);
        assertThat(server.counters().failed()).isEqualTo(1);
        assertThat(server.counters().active()).isZero();
    }

    @Test
    void aCallbackMayShutTheServerDown() throws Exception {
        AtomicReference<EventServer> self = new AtomicReference<>();
        CompletableFuture<Boolean> returned = new CompletableFuture<>();
        StreamProtocol p = new StreamProtocol() {
            @Override
            public void received(EventConnection c, ByteBuffer data) {
                if (text(data).equals("stop")) {
                    returned.complete(self.get().shutdown(Duration.ofSeconds(5))); // must not wait for its own loop
                    c.write(bytes("stopping")); // the connection goes on within the grace period
                    c.close();
                }
            }
        };
        EventServer server = Server.tcpEvents(config().build(), () -> p).start();
        self.set(server);
        try (Socket s = connect(server.localAddress())) {
            s.getOutputStream().write(bytes("stop"));
            assertThat(TestClients.readToEnd(s.getInputStream())).isEqualTo("stopping");
        }
        assertThat(returned.get(5, TimeUnit.SECONDS)).as("returns at once, before the end").isFalse();
        awaitState(server, ServerState.TERMINATED);
        assertThat(server.counters().completed()).isEqualTo(1);
        assertThat(server.counters().failed()).isZero();
        assertThatThrownBy(() -> connect(server.localAddress()).close()).isInstanceOf(ConnectException.class);
        assertThat(server.shutdown(Duration.ZERO)).as("idempotent").isTrue();
    }

    @Test
    void shutdownBeforeStartClosesEverything() throws Exception {
        EventServer server = Server.tcpEvents(config().build(), echo());
        assertThat(server.shutdown(Duration.ZERO)).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitState(Server server, ServerState state) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.state() != state) {
            if (System.nanoTime() > deadline) {
                throw new IOException("server stayed " + server.state() + ", expected " + state);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
