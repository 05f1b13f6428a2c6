package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class UnixSocketTest {
    @TempDir
    Path dir;

    @Test
    void staleSocketFileOfADeadServerIsRemovedBeforeBind() throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(path)); // the JDK leaves the file on close
        }
        assertThat(UnixPaths.isSocket(path)).isTrue();
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            s.bind(Address.unix(path));
            s.listen(4);
            try (Socket c = Socket.open(Family.UNIX, Kind.STREAM)) {
                c.connect(Address.unix(path));
                assertThat(c.peerAddress()).isEqualTo(Address.unix(path));
                try (Socket a = s.accept().socket()) {
                    c.sendAll(new byte[] {5});
                    assertThat(a.recv(1)).containsExactly(5);
                }
            }
        }
        assertThat(Files.exists(path)).as("our own socket file is removed on close").isFalse();
    }

    @Test
    void regularFileIsNeverDeleted() throws Exception {
        Path path = dir.resolve("precious.txt");
        Files.writeString(path, "keep me");
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThatThrownBy(() -> s.bind(Address.unix(path))).isInstanceOf(BindException.class)
                    .hasMessage("cannot bind " + path + ": a file that is not a socket is in the way; refusing to delete it");
        }
        assertThat(Files.readString(path)).isEqualTo("keep me");
    }

    @Test
    void liveServerSocketFileIsNotTaken() throws Exception {
        Path path = dir.resolve("live.sock");
        try (Socket live = Sockets.createServer(Address.unix(path)); Socket other = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThatThrownBy(() -> other.bind(Address.unix(path))).isInstanceOf(BindException.class)
                    .hasMessage("address already in use: a server is listening on " + path);
            assertThat(live.isListening()).isTrue();
            assertThat(Files.exists(path)).isTrue();
        }
    }

    @Test
    void replacedSocketFileIsNotDeletedOnClose() throws Exception {
        Path path = dir.resolve("replaced.sock");
        Socket s = Sockets.createServer(Address.unix(path));
        Files.delete(path);
        Files.writeString(path, "someone else's");
        s.close();
        assertThat(Files.readString(path)).isEqualTo("someone else's");
    }

    @Test
    void listenWithoutBindGetsAPathAndCleansIt() throws Exception {
        Path path;
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThat(((Address.Unix) s.localAddress()).isUnnamed()).isTrue();
            s.listen(1);
            path = ((Address.Unix) s.localAddress()).path();
            assertThat(Files.exists(path)).isTrue();
        }
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void bindInAMissingDirectorySaysSo() throws Exception {
        Path path = dir.resolve("no/such/dir/x.sock");
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThatThrownBy(() -> s.bind(Address.unix(path))).isInstanceOfSatisfying(SocketFailureException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                    .hasMessage("cannot bind " + path + ": no such file or directory (ENOENT)");
        }
    }

    @Test
    void unixSocketsLackTcpOptions() throws Exception {
        try (Socket s = Socket.open(Family.UNIX, Kind.STREAM)) {
            assertThatThrownBy(() -> s.setOption(Options.TCP_NODELAY, true))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("TCP_NODELAY is not supported by a UNIX STREAM socket on this platform");
            s.setOption(Options.SO_SNDBUF, 65536);
            assertThat(s.getOption(Options.SO_SNDBUF)).isGreaterThanOrEqualTo(65536);
        }
    }
}
