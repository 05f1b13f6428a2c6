package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.net.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS with TlsConfig; graceful shutdown finishes requests in flight and closes idle connections at once. */
@Timeout(30)
class ServerTlsAndShutdownTest {

    @Test
    void servesHttpsToOurClientAndTheJdks() throws Exception {
        TestPki pki = TestPki.get();
        try (HttpServer server = HttpServer.builder().tls(pki.serverConfig())
                .get("/", (req, res) -> res.sendText(200, "secure=" + req.isSecure())).start();
                HttpClient client = HttpClient.builder().tls(pki.clientConfig()).build()) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            for (int i = 0; i < 3; i++) {
                try (HttpResponse r = client.send(HttpRequest.get("https://localhost:" + server.address().getPort() + "/x"))) {
                    assertThat(r.bodyString()).isEqualTo("secure=true");
                }
            }
            assertThat(client.idleConnectionCount()).isEqualTo(1);
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder().sslContext(pki.clientConfig().sslContext()).build();
            var r = jdk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + server.address().getPort() + "/"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("secure=true");
        }
    }

    @Test
    void shutdownFinishesInFlightAndClosesIdleAtOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.builder()
                .get("/slow", (req, res) -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    res.sendText(200, "done");
                })
                .get("/fast", (req, res) -> res.sendText(200, "fast"))
                .start();
        try (Socket idle = ServerRaw.connect(server.address()); Socket busy = ServerRaw.connect(server.address())) {
            idle.getOutputStream().write("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(idle.getInputStream())).endsWith("fast");
            busy.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(10)));
            InputStream idleIn = idle.getInputStream();
            assertThat(idleIn.read()).isEqualTo(-1); // closed at once, while the slow request still runs
            assertThat(done).isNotDone();
            release.countDown();
            String r = new String(busy.getInputStream().readAllBytes());
            assertThat(r).startsWith("HTTP/1.1 200 ").contains("Connection: close").endsWith("done");
            assertThat(done.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(catchConnect(server)).isInstanceOf(IOException.class);
    }

    private static Throwable catchConnect(HttpServer server) {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
