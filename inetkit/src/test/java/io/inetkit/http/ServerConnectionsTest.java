package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection limit, deadlines over TLS, and builder misuse. */
@Timeout(30)
class ServerConnectionsTest {

    @Test
    void connectionsBeyondTheLimitGet503() throws IOException {
        try (HttpServer server = HttpServer.builder().limits(HttpServerLimits.DEFAULTS.withMaxConnections(1))
                .get("/", (req, res) -> res.sendText(200, "ok")).start();
                var first = ServerRaw.connect(server.address())) {
            first.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(first.getInputStream())).endsWith("ok"); // now held open, idle
            String second = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(second).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1");
        }
    }

    @Test
    void slowHeadOverTlsIsCutAtTheDeadline() throws Exception {
        TestPki pki = TestPki.get();
        try (HttpServer server = HttpServer.builder().tls(pki.serverConfig())
                .limits(HttpServerLimits.DEFAULTS.withHeadTimeout(Duration.ofMillis(500)).withKeepAliveTimeout(Duration.ofMillis(700)))
                .get("/", (req, res) -> res.sendText(200, "ok")).start();
                SSLSocket s = (SSLSocket) pki.clientConfig().sslContext().getSocketFactory()
                        .createSocket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            long start = System.nanoTime();
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes()); // never finished
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] got;
            try {
                got = in.readAllBytes();
            } catch (IOException closedWithoutNotify) {
                got = new byte[0];
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isBetween(400L, 5000L);
            assertThat(new String(got)).satisfiesAnyOf(r -> assertThat(r).isEmpty(), r -> assertThat(r).startsWith("HTTP/1.1 408 "));
        }
    }

    @Test
    void stalledReaderOfAFileIsCutAfterTheIdleTimeout(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(256L << 20); // sparse: no disk; far more than socket buffers hold
        }
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        try (HttpServer server = HttpServer.builder().limits(HttpServerLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(300)))
                .get("/", (req, res) -> {
                    try {
                        res.sendFile(big, 0, Files.size(big));
                        outcome.complete(null);
                    } catch (IOException | RuntimeException e) {
                        outcome.complete(e);
                        throw e;
                    }
                }).start();
                var s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            // we read nothing: the server's write must fail after its idle timeout
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class); // timed out or closed by the deadline
        }
    }

    @Test
    void builderRefusesMisuse() {
        HttpHandler h = (req, res) -> { };
        assertThatThrownBy(() -> HttpServer.builder().get("nope", h)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start with /");
        assertThatThrownBy(() -> HttpServer.builder().get("/a", h).get("/a", h)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> HttpServerLimits.DEFAULTS.withMaxRequestLine(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpServerLimits.DEFAULTS.withHeadTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpServer.builder().serverName("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responseMisuseIsReportedAndTheClientGets500() throws IOException {
        try (HttpServer server = HttpServer.builder()
                .get("/cl", (req, res) -> res.header("Content-Length", "3"))
                .get("/late", (req, res) -> {
                    res.send("x".getBytes());
                    res.status(404);
                })
                .get("/short", (req, res) -> res.contentLength(10).body().write("abc".getBytes()))
                .start()) {
            assertThat(ServerRaw.sendAndReadToClose(server.address(), "GET /cl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 500 ");
            String late = ServerRaw.sendAndReadToClose(server.address(), "GET /late HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(late).startsWith("HTTP/1.1 200 ").endsWith("x"); // committed: the connection is closed instead
            String shortBody = ServerRaw.sendAndReadToClose(server.address(), "GET /short HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(shortBody).startsWith("HTTP/1.1 200 ").contains("Content-Length: 10").endsWith("abc"); // then closed
        }
    }
}
