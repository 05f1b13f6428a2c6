package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(20)
class ConnectTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void refusedConnectThrowsWithAddressAndCode(Family family) throws Exception {
        try (Socket refusing = Loopback.refusing(family); Socket s = Socket.open(family, Kind.STREAM)) {
            Address target = refusing.localAddress();
            assertThatThrownBy(() -> s.connect(target)).isInstanceOf(ConnectException.class)
                    .isInstanceOfSatisfying(ConnectFailedException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ECONNREFUSED);
                        assertThat(e.address()).isEqualTo(target);
                    })
                    .hasMessage("connection refused: " + target);
            assertThat(s.connectEx(target)).isEqualTo(Errno.ECONNREFUSED);
        }
    }

    @Test
    void socketStaysUsableAfterARefusedConnect() throws Exception {
        try (Socket refusing = Loopback.refusing(Family.INET); Socket listener = Loopback.listener(Family.INET, dir);
                Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            s.setOption(Options.TCP_NODELAY, true);
            assertThat(s.connectEx(refusing.localAddress())).isEqualTo(Errno.ECONNREFUSED);
            assertThat(s.connectEx(listener.localAddress())).isEqualTo(Errno.OK);
            assertThat(s.getOption(Options.TCP_NODELAY)).isTrue(); // replayed on the fresh channel
            try (Socket server = listener.accept().socket()) {
                assertThat(server.peerAddress()).isEqualTo(s.localAddress());
            }
        }
    }

    @Test
    void unixConnectCodes() throws Exception {
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThat(s.connectEx(Address.unix(dir.resolve("missing.sock")))).isEqualTo(Errno.ENOENT);
            Path stale = dir.resolve("stale.sock");
            try (var raw = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                raw.bind(java.net.UnixDomainSocketAddress.of(stale)); // the JDK leaves the file behind
            }
            assertThat(s.connectEx(Address.unix(stale))).isEqualTo(Errno.ECONNREFUSED);
        }
    }

    @Test
    void createConnectionConnectsWithTimeoutAndSource() throws Exception {
        try (Socket listener = Loopback.listener(Family.INET, dir)) {
            int port = ((Address.Inet) listener.localAddress()).port();
            // 127.0.0.2 has its own port space, unlike busy 127.0.0.1 (createConnection sets no SO_REUSEADDR).
            Address.Inet source = Loopback.addrPort("127.0.0.2", 0);
            try (Socket c = Sockets.createConnection("127.0.0.1", port, Duration.ofSeconds(5), source);
                    Socket server = listener.accept().socket()) {
                assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
                assertThat(server.peerAddress()).isEqualTo(c.localAddress());
            }
        }
    }

    @Test
    void createConnectionTriesEachAddressInTurn() throws Exception {
        try (Socket listener = Socket.open(Family.INET, Kind.STREAM);
                Socket refusing6 = Loopback.reuse(Socket.open(Family.INET6, Kind.STREAM))) {
            Loopback.reuse(listener).bind(Loopback.v4(0));
            listener.listen(4);
            int port = ((Address.Inet) listener.localAddress()).port();
            refusing6.bind(Loopback.v6(port)); // bound, not listening: [::1]:port refuses
            // Refused on ::1 first, then 127.0.0.1 works.
            try (Socket c = Sockets.connectFirst(List.of(Loopback.addr("::1"), Loopback.addr("127.0.0.1")), port,
                    Duration.ofSeconds(5), null)) {
                assertThat(c.family()).isEqualTo(Family.INET);
                assertThat(c.peerAddress()).isEqualTo(Loopback.v4(port));
            }
        }
    }

    @Test
    void createConnectionReportsTheLastErrorWithTheOthersSuppressed() throws Exception {
        try (Socket refusing4 = Loopback.reuse(Socket.open(Family.INET, Kind.STREAM));
                Socket refusing6 = Loopback.reuse(Socket.open(Family.INET6, Kind.STREAM))) {
            refusing4.bind(Loopback.v4(0));
            int port4 = Loopback.port(refusing4);
            refusing6.bind(Loopback.v6(port4));
            assertThatThrownBy(() -> Sockets.connectFirst(List.of(Loopback.addr("::1"), Loopback.addr("127.0.0.1")),
                    port4, Duration.ofSeconds(5), null))
                    .isInstanceOf(ConnectFailedException.class)
                    .hasMessage("connection refused: 127.0.0.1:" + port4)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        }
        assertThatThrownBy(() -> Sockets.createConnection("127.0.0.1", 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be in 1..65535, got 0");
    }

    @Test
    void createServerDualStackAcceptsIpv4AndIpv6Clients() throws Exception {
        assertThat(Sockets.hasDualStackIpv6()).isTrue();
        try (Socket server = Sockets.createServer(Loopback.addrPort("::", 0),
                ServerConfig.DEFAULT.withDualStackIpv6(true).withBacklog(8))) {
            assertThat(server.family()).isEqualTo(Family.INET6);
            assertThat(server.getOption(Options.IPV6_V6ONLY)).isFalse();
            assertThat(server.getOption(Options.SO_REUSEADDR)).isTrue();
            int port = ((Address.Inet) server.localAddress()).port();
            try (Socket v4 = Sockets.createConnection("127.0.0.1", port, Duration.ofSeconds(5));
                    Socket v6 = Sockets.createConnection("::1", port, Duration.ofSeconds(5))) {
                Accepted a = server.accept();
                Accepted b = server.accept();
                a.socket().close();
                b.socket().close();
                // The IPv4 client shows up with its IPv4 address, not as ::ffff:127.0.0.1.
                assertThat(List.of(a.peer(), b.peer())).containsExactlyInAnyOrder(v4.localAddress(), v6.localAddress());
                assertThat(v4.family()).isEqualTo(Family.INET);
            }
        }
        assertThatThrownBy(() -> Sockets.createServer(Loopback.v4(0), ServerConfig.DEFAULT.withDualStackIpv6(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dualStackIpv6 needs an IPv6 address, got 127.0.0.1:0");
    }

    @Test
    void createServerWithReusePortLetsTwoServersShareAPort() throws Exception {
        ServerConfig shared = ServerConfig.DEFAULT.withReusePort(true);
        try (Socket first = Sockets.createServer(Loopback.v4(0), shared);
                Socket second = Sockets.createServer(first.localAddress(), shared)) {
            assertThat(second.localAddress()).isEqualTo(first.localAddress());
            assertThat(second.getOption(Options.SO_REUSEPORT)).isTrue();
        }
        assertThatThrownBy(() -> ServerConfig.DEFAULT.withBacklog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createServerOnUnixPath() throws Exception {
        Path path = dir.resolve("srv.sock");
        try (Socket server = Sockets.createServer(Address.unix(path));
                Socket client = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThat(server.localAddress()).isEqualTo(Address.unix(path));
            client.connect(Address.unix(path));
            try (Socket s = server.accept().socket()) {
                client.sendAll(new byte[] {3});
                assertThat(s.recv(1)).containsExactly(3);
            }
        }
        assertThat(Files.exists(path)).isFalse();
    }
}
