package io.inetkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class UnixServerTest {
    @TempDir
    Path dir;

    private static String exchange(Path path, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            return new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void echoesAndRemovesItsSocketFileOnClose() throws Exception {
        Path path = dir.resolve("echo.sock");
        Server server = Server.unix(ServerConfig.builder().unixPath(path).build(), TestClients::echo).start();
        try {
            assertThat(server.localAddress()).isEqualTo(UnixDomainSocketAddress.of(path));
            assertThat(Files.exists(path)).isTrue();
            assertThat(exchange(path, "over unix")).isEqualTo("over unix");
            assertThat(StreamServerTest.awaitCounters(server, 1).completed()).isEqualTo(1);
        } finally {
            server.close();
        }
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void replacesAStaleSocketFile() throws Exception {
        Path path = dir.resolve("stale.sock");
        // A dead server: bound, then closed without removing its file.
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(path));
        dead.close();
        assertThat(Files.exists(path)).isTrue();

        try (Server server = Server.unix(ServerConfig.builder().unixPath(path).build(), TestClients::echo).start()) {
            assertThat(exchange(path, "fresh")).isEqualTo("fresh");
        }
    }

    @Test
    void neverRemovesARegularFileNorALiveSocket() throws Exception {
        Path file = dir.resolve("precious.txt");
        Files.writeString(file, "keep me");
        ServerConfig onFile = ServerConfig.builder().unixPath(file).build();
        assertThatThrownBy(() -> Server.unix(onFile, TestClients::echo)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("not a socket");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Path live = dir.resolve("live.sock");
        try (Server first = Server.unix(ServerConfig.builder().unixPath(live).build(), TestClients::echo).start()) {
            ServerConfig same = ServerConfig.builder().unixPath(live).build();
            assertThatThrownBy(() -> Server.unix(same, TestClients::echo)).isInstanceOf(java.net.BindException.class)
                    .hasMessageContaining("another server");
            assertThat(exchange(live, "still mine")).isEqualTo("still mine");
        }
    }

    @Test
    void idleTimeoutClosesASilentUnixPeer() throws Exception {
        Path path = dir.resolve("idle.sock");
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            try {
                c.read(new byte[8]);
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        };
        ServerConfig cfg = ServerConfig.builder().unixPath(path).idleTimeout(Duration.ofMillis(100)).build();
        try (Server server = Server.unix(cfg, handler).start();
                SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            InputStream in = Channels.newInputStream(ch);
            assertThat(in.read()).isEqualTo(-1); // the server closed on us
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("no data for");
        }
    }
}
