package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.ConnectionRefusedException;
import io.inetkit.net.Endpoint;
import io.inetkit.net.Timeouts;
import io.inetkit.text.ReadTimeoutException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP over a Unix-domain socket ({@code curl --unix-socket}), against a scripted server on a socket file. */
@Timeout(30)
class UnixSocketClientTest {

    @TempDir
    Path dir;

    private static void echo(RawServer.Conn c, RawServer.Request r) throws Exception {
        c.ok(r.line() + " host=" + r.header("host") + " body=" + r.bodyText());
    }

    @Test
    void keepAliveReusesOneSocketConnectionAndHostComesFromTheUrl() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path).build()) {
            try (HttpResponse r = client.send(HttpRequest.get("http://localhost/version"))) {
                assertThat(r.bodyString()).isEqualTo("GET /version HTTP/1.1 host=localhost body=");
            }
            try (HttpResponse r = client.send(HttpRequest.get("http://localhost/info?x=1"))) {
                assertThat(r.bodyString()).isEqualTo("GET /info?x=1 HTTP/1.1 host=localhost body=");
            }
            assertThat(s.connections).hasValue(1);
            assertThat(s.errors).isEmpty();
        }
    }

    @Test
    void theUrlsHostIsNeverResolvedAndKeepsItsPortInTheHostHeader() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path).build();
                HttpResponse r = client.send(HttpRequest.get("http://docker.invalid:2375/v1.43/containers/json"))) {
            assertThat(r.bodyString()).isEqualTo("GET /v1.43/containers/json HTTP/1.1 host=docker.invalid:2375 body=");
        }
    }

    @Test
    void postsABody() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path).build()) {
            HttpRequest post = HttpRequest.newBuilder("http://localhost/containers/create")
                    .post(RequestBody.ofString("{\"Image\":\"alpine\"}", "application/json")).build();
            try (HttpResponse r = client.send(post)) {
                assertThat(r.bodyString()).isEqualTo("POST /containers/create HTTP/1.1 host=localhost body={\"Image\":\"alpine\"}");
            }
            assertThat(s.requests.take().header("content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void readsAChunkedResponse() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), (c, r) -> c.write(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, unix!\r\n0\r\n\r\n"));
                HttpClient client = HttpClient.builder().unixSocket(s.path).build()) {
            for (int i = 0; i < 2; i++) {
                try (HttpResponse r = client.send(HttpRequest.get("http://localhost/events"))) {
                    assertThat(r.bodyString()).isEqualTo("hello, unix!");
                }
            }
            assertThat(s.connections).hasValue(1);
        }
    }

    @Test
    void aSilentServerTimesOutAsARead() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (UnixServer s = new UnixServer(dir.resolve("d.sock"), c -> {
                    c.read();
                    never.await();
                });
                HttpClient client = HttpClient.builder().unixSocket(s.path)
                        .timeouts(Timeouts.DEFAULT.withRead(Duration.ofMillis(300))).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://localhost/slow")))
                    .isInstanceOf(ReadTimeoutException.class).hasMessageContaining("300 ms");
        }
    }

    @Test
    void theCallTimeoutEndsAWaitOnTheSocket() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (UnixServer s = new UnixServer(dir.resolve("d.sock"), c -> {
                    c.read();
                    never.await();
                });
                HttpClient client = HttpClient.builder().unixSocket(s.path).callTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://localhost/slow")))
                    .isInstanceOf(CallTimeoutException.class);
        }
    }

    @Test
    void theStaleCheckNoticesThatTheServerClosedAnIdleConnection() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        try (UnixServer s = new UnixServer(dir.resolve("d.sock"), c -> {
                    c.read();
                    c.ok("conn " + served.incrementAndGet());
                    c.out.close(); // closes the channel: the client's idle connection is now dead
                    closed.countDown();
                });
                HttpClient client = HttpClient.builder().unixSocket(s.path).validateAfterInactivity(Duration.ZERO).build()) {
            try (HttpResponse r = client.send(HttpRequest.get("http://localhost/a"))) {
                assertThat(r.bodyString()).isEqualTo("conn 1");
            }
            closed.await();
            // a POST is not retried: it succeeds only if the probe (a 1 ms read) saw the close before sending
            HttpRequest post = HttpRequest.newBuilder("http://localhost/b").post(RequestBody.ofString("x", "text/plain")).build();
            try (HttpResponse r = client.send(post)) {
                assertThat(r.bodyString()).isEqualTo("conn 2");
            }
            assertThat(s.connections).hasValue(2);
        }
    }

    @Test
    void aProbedIdleConnectionIsReused() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path).validateAfterInactivity(Duration.ZERO).build()) {
            for (int i = 0; i < 3; i++) {
                try (HttpResponse r = client.send(HttpRequest.get("http://localhost/p"))) {
                    assertThat(r.bodyString()).startsWith("GET /p");
                }
            }
            assertThat(s.connections).hasValue(1);
        }
    }

    @Test
    void aMissingSocketFileIsRefusedNamingThePath() throws Exception {
        Path missing = dir.resolve("nobody.sock");
        try (HttpClient client = HttpClient.builder().unixSocket(missing).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://localhost/")))
                    .isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
        }
    }

    @Test
    void aFileNobodyListensOnIsRefusedNamingThePath() throws Exception {
        Path notASocket = Files.writeString(dir.resolve("plain.sock"), "x");
        try (HttpClient client = HttpClient.builder().unixSocket(notASocket).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://localhost/")))
                    .isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining(notASocket.toString()).hasMessageContaining("refused");
        }
    }

    @Test
    void theSocketWinsOverAProxy() throws Exception {
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path)
                        .proxy(uri -> new Proxy.Http(Endpoint.of("127.0.0.1", 1), null)).build();
                HttpResponse r = client.send(HttpRequest.get("http://localhost/version"))) {
            assertThat(r.bodyString()).startsWith("GET /version HTTP/1.1");
        }
    }

    @Test
    void theListenerHearsAUnixConnectionWithoutResolution() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        List<SocketAddress> addresses = new CopyOnWriteArrayList<>();
        CallListener listener = new CallListener() {
            @Override
            public void resolved(HttpRequest request, String host, List<InetAddress> found) {
                steps.add("resolved " + host);
            }

            @Override
            public void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
                steps.add("connected");
                addresses.add(remote);
                addresses.add(local);
            }

            @Override
            public void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
                steps.add(reused ? "acquired reused" : "acquired new");
            }
        };
        try (UnixServer s = UnixServer.keepAlive(dir.resolve("d.sock"), UnixSocketClientTest::echo);
                HttpClient client = HttpClient.builder().unixSocket(s.path).callListener(listener).build()) {
            for (int i = 0; i < 2; i++) {
                try (HttpResponse r = client.send(HttpRequest.get("http://localhost/"))) {
                    r.body().readAllBytes();
                }
            }
            assertThat(steps).containsExactly("connected", "acquired new", "acquired reused");
            assertThat(addresses).containsExactly(UnixDomainSocketAddress.of(s.path), UnixDomainSocketAddress.of(""));
        }
    }

    @Test
    void anEmptyPathIsMisuse() {
        assertThatThrownBy(() -> HttpClient.builder().unixSocket(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
