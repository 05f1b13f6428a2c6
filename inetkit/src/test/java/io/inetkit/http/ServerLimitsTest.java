package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 414, 431, 505, 408 for a slow head, keep-alive timeout, 100-continue. */
@Timeout(30)
class ServerLimitsTest {
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .limits(HttpServerLimits.DEFAULTS.withHeadTimeout(Duration.ofMillis(600)).withKeepAliveTimeout(Duration.ofMillis(800)))
                .route(null, "/", (req, res) -> res.send(req.bodyBytes()))
                .post("/ignore", (req, res) -> res.sendText(200, "ignored"))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void longRequestLineIs414() throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET /" + "a".repeat(8200) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 414 ");
        String huge = ServerRaw.sendAndReadToClose(server.address(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(huge).startsWith("HTTP/1.1 414 ");
    }

    @Test
    void largeHeaderBlockOrTooManyFieldsIs431() throws IOException {
        String big = ServerRaw.sendAndReadToClose(server.address(),
                "GET / HTTP/1.1\r\nHost: x\r\n" + ("X-A: " + "b".repeat(1000) + "\r\n").repeat(17) + "\r\n");
        assertThat(big).startsWith("HTTP/1.1 431 ");
        String many = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(100) + "\r\n");
        assertThat(many).startsWith("HTTP/1.1 431 ");
        String oneLong = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + "b".repeat(17_000) + "\r\n\r\n");
        assertThat(oneLong).startsWith("HTTP/1.1 431 ");
        String ok = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + "X-A: b\r\n".repeat(98) + "\r\n");
        assertThat(ok).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void otherVersionsAre505() throws IOException {
        assertThat(ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/2.0\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 505 ");
    }

    @Test
    void slowHeadGets408WithinTheWholeHeadDeadline() throws Exception {
        try (Socket s = ServerRaw.connect(server.address())) {
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            out.write("GET / HTTP/1.1\r\n".getBytes());
            // keep trickling bytes (each well inside any per-read timeout) until the server gives up
            InputStream in = s.getInputStream();
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write('X');
                        out.flush();
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                    }
                } catch (IOException expected) {
                    // the server closed
                }
            });
            String r = new String(in.readAllBytes());
            long ms = (System.nanoTime() - start) / 1_000_000;
            trickle.interrupt();
            assertThat(r).startsWith("HTTP/1.1 408 ");
            assertThat(ms).isBetween(500L, 3000L);
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosed() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 200 ");
            long start = System.nanoTime();
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed without a 408: no request was started
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 3000L);
        }
    }

    @Test
    void continueIsSentOnlyWhenTheHandlerReadsTheBody() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            OutputStream out = s.getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 100 Continue\r\n\r\n");
            out.write("abcd".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("abcd");
        }
        String r = ServerRaw.sendAndReadToClose(server.address(),
                "POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").doesNotContain("100 Continue").contains("Connection: close").endsWith("ignored");
    }

    @Test
    void ourClientsExpectContinueUploadWorks() throws IOException {
        try (HttpClient client = HttpClient.newClient();
                HttpResponse r = client.send(HttpRequest.newBuilder(server.uri() + "up")
                        .post(RequestBody.ofString("data", "text/plain")).expectContinue(true).build())) {
            assertThat(r.bodyString()).isEqualTo("data");
        }
    }

    @Test
    void unknownExpectationIs417() throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nExpect: magic\r\n\r\na");
        assertThat(r).startsWith("HTTP/1.1 417 ");
    }
}
