package io.inetkit.socket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(20)
class StreamSocketTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Family.class)
    void echoesOverEveryFamily(Family family) throws Exception {
        try (Socket listener = Loopback.listener(family, dir)) {
            assertThat(listener.isListening()).isTrue();
            Address where = listener.localAddress();
            assertThat(Family.of(where)).isEqualTo(family);
            CompletableFuture<Address> peerSeen = CompletableFuture.supplyAsync(() -> {
                try {
                    Accepted a = listener.accept();
                    try (Socket s = a.socket()) {
                        byte[] got = s.recv(100);
                        s.sendAll(("echo:" + new String(got, US_ASCII)).getBytes(US_ASCII));
                        return a.peer();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (Socket client = Socket.open(family, Kind.STREAM)) {
                client.connect(where);
                assertThat(client.isConnected()).isTrue();
                assertThat(client.peerAddress()).isEqualTo(where);
                assertThat(client.send("hello".getBytes(US_ASCII))).isEqualTo(5);
                assertThat(new String(client.recv(100), US_ASCII)).isEqualTo("echo:hello");
                assertThat(client.recv(100)).isEmpty(); // EOF after the server closed
                Address peer = peerSeen.get();
                if (family != Family.UNIX) {
                    assertThat(peer).isEqualTo(client.localAddress());
                } else {
                    assertThat(((Address.Unix) peer).isUnnamed()).isTrue();
                }
            }
        }
    }

    @Test
    void recvIntoFillsBufferAndArrayRange() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            assertThat(p.client().send("xabcx".getBytes(US_ASCII), 1, 3)).isEqualTo(3);
            ByteBuffer def = ByteBuffer.wrap("def".getBytes(US_ASCII));
            p.client().sendAll(def);
            assertThat(def.hasRemaining()).isFalse();
            ByteBuffer buf = ByteBuffer.allocate(3);
            assertThat(p.server().recvInto(buf)).isEqualTo(3);
            assertThat(buf.array()).containsExactly('a', 'b', 'c');
            byte[] arr = new byte[10];
            int n = p.server().recvInto(arr, 5, 5);
            assertThat(new String(arr, 5, n, US_ASCII)).isEqualTo("def");
            assertThat(p.server().recvInto(ByteBuffer.allocate(0))).isZero();
        }
    }

    @Test
    void recvFromOnStreamNamesThePeer() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET6, dir)) {
            p.client().sendAll(new byte[] {1, 2});
            Datagram d = p.server().recvFrom(10);
            assertThat(d.data()).containsExactly(1, 2);
            assertThat(d.sender()).isEqualTo(p.client().localAddress());
        }
    }

    @Test
    void sendAllMovesLargePayload() throws Exception {
        byte[] big = new byte[4 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try {
                    p.client().sendAll(big);
                    p.client().shutdown(Shutdown.WRITE);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] chunk;
            while ((chunk = p.server().recv(65536)).length > 0) {
                got.write(chunk);
            }
            sender.get();
            assertThat(got.toByteArray()).isEqualTo(big);
        }
    }

    @Test
    void halfCloseLetsPeerReadEofAndStillReply() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.client().sendAll("question".getBytes(US_ASCII));
            p.client().shutdown(Shutdown.WRITE);
            assertThat(new String(p.server().recv(100), US_ASCII)).isEqualTo("question");
            assertThat(p.server().recv(100)).isEmpty();
            p.server().sendAll("answer".getBytes(US_ASCII));
            p.server().close();
            assertThat(new String(p.client().recv(100), US_ASCII)).isEqualTo("answer");
            assertThat(p.client().recv(100)).isEmpty();
        }
    }

    @Test
    void resetByPeerIsReportedWithItsCode() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.server().setOption(Options.SO_LINGER, 0); // close sends RST instead of FIN
            p.server().close();
            Address peer = p.client().peerAddress();
            assertThatThrownBy(() -> p.client().recv(10)).isInstanceOfSatisfying(SocketFailureException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ECONNRESET))
                    .hasMessage("recv (peer " + peer + ") failed: connection reset by peer (ECONNRESET)");
        }
    }

    @Test
    void shutdownReadGivesEof() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.server().shutdown(Shutdown.READ);
            assertThat(p.server().recv(10)).isEmpty();
            p.server().shutdown(Shutdown.BOTH);
            assertThat(p.client().recv(10)).isEmpty();
        }
    }

    @Test
    void listenWithoutBindPicksAPort() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            assertThat(s.localAddress()).isEqualTo(Loopback.addrPort("0.0.0.0", 0));
            s.listen(1);
            assertThat(((Address.Inet) s.localAddress()).port()).isPositive();
        }
    }

    @Test
    void bindThenListenKeepsTheBoundPort() throws Exception {
        try (Socket s = Loopback.reuse(Socket.open(Family.INET, Kind.STREAM))) {
            s.bind(Loopback.v4(0));
            Address bound = s.localAddress();
            assertThat(((Address.Inet) bound).port()).isPositive();
            s.listen(5);
            assertThat(s.localAddress()).isEqualTo(bound);
        }
    }

    @Test
    void clientCanBindASourceAddress() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET, dir);
                Socket client = Socket.open(Family.INET, Kind.STREAM)) {
            Loopback.reuse(client).bind(Loopback.v4(0));
            Address source = client.localAddress();
            client.connect(listener.localAddress());
            try (Socket server = listener.accept().socket()) {
                assertThat(server.peerAddress()).isEqualTo(source);
            }
        }
    }

    @Test
    void closeIsIdempotentAndLaterUseFails() throws Exception {
        Loopback.Pair p = Loopback.pair(Family.INET, dir);
        p.close();
        p.client().close();
        assertThat(p.client().isClosed()).isTrue();
        assertThat(p.client().fileno()).isEqualTo(-1);
        assertThat(p.client().isConnected()).isFalse();
        assertThat(p.client().toString()).contains("closed");
        assertThatThrownBy(() -> p.client().recv(1)).isInstanceOf(SocketClosedException.class)
                .hasMessage("socket is closed");
        assertThatThrownBy(() -> p.client().send(new byte[1])).isInstanceOf(SocketClosedException.class);
        assertThatThrownBy(() -> p.listener().accept()).isInstanceOf(SocketClosedException.class);
        assertThat(p.client().connectEx(Loopback.v4(1))).isEqualTo(Errno.EBADF);
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRecvInAVirtualThread() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    p.server().recv(10);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            Loopback.awaitParked(reader);
            p.server().close();
            assertThat(outcome.get()).isInstanceOf(SocketClosedException.class)
                    .hasMessage("socket closed by another thread during recv");
        }
    }

    @Test
    void misuseIsReportedPrecisely() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM); Socket u = Socket.open(Family.INET, Kind.DGRAM)) {
            assertThatThrownBy(() -> s.recv(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("recv needs a connected socket; call connect first");
            assertThatThrownBy(() -> s.send(new byte[1])).isInstanceOf(IllegalStateException.class)
                    .hasMessage("send needs a connected socket; call connect first");
            assertThatThrownBy(() -> s.accept()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("accept needs a listening socket; call listen first");
            assertThatThrownBy(() -> s.listen(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("backlog must be at least 1, got 0");
            assertThatThrownBy(() -> u.listen(5)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("listen needs a STREAM socket; this socket is INET DGRAM");
            assertThatThrownBy(() -> s.recv(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.bind(Loopback.v6(0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bind: an INET socket needs an IPv4 address, got [::1]:0");
            assertThatThrownBy(() -> s.connect(Address.unix(Path.of("/x")))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.sendTo(new byte[1], Loopback.v4(9))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("sendTo needs a DGRAM socket; use send on a STREAM socket");
            assertThatThrownBy(() -> s.shutdown(Shutdown.BOTH)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.peerAddress()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("socket is not connected");
            Loopback.reuse(s).bind(Loopback.v4(0));
            assertThatThrownBy(() -> s.bind(Loopback.v4(0))).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("socket is already bound to 127.0.0.1:");
            s.listen(1);
            assertThatThrownBy(() -> s.listen(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("socket is already listening on 127.0.0.1:");
            assertThatThrownBy(() -> s.recv(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("recv on a listening socket; accept a connection first");
            assertThatThrownBy(() -> s.connect(Loopback.v4(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("a listening socket cannot connect");
        }
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            assertThatThrownBy(() -> p.client().connect(p.listener().localAddress()))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("socket is already connected to");
            assertThat(p.client().connectEx(p.listener().localAddress())).isEqualTo(Errno.EISCONN);
            assertThatThrownBy(() -> p.client().listen(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("a connected socket cannot listen");
        }
    }

    @Test
    void bindToAnAddressInUseFails() throws Exception {
        try (Socket first = Loopback.listener(Family.INET, dir); Socket second = Socket.open(Family.INET, Kind.STREAM)) {
            Address taken = first.localAddress();
            assertThatThrownBy(() -> second.bind(taken)).isInstanceOfSatisfying(SocketFailureException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE))
                    .hasMessage("cannot bind " + taken + ": address already in use (EADDRINUSE)");
        }
    }

    @Test
    void bindToAForeignAddressFails() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            // 192.0.2.1 is TEST-NET-1: never a local address, and bind sends nothing.
            assertThatThrownBy(() -> s.bind(Loopback.addrPort("192.0.2.1", 0)))
                    .isInstanceOfSatisfying(SocketFailureException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
        }
    }

    @Test
    void toStringShowsAddresses() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            assertThat(p.client().toString()).startsWith("Socket[INET STREAM 127.0.0.1:")
                    .contains(" -> " + p.listener().localAddress());
            assertThat(p.listener().toString()).endsWith(" listening]");
        }
    }
}
