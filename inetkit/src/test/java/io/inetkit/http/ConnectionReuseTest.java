package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import io.inetkit.net.Timeouts;
import io.inetkit.text.ConnectionClosedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keep-alive reuse, stale connections and the retry rules, against raw loopback servers. */
@Timeout(20)
class ConnectionReuseTest {

    private final HttpClient client = HttpClient.builder().decompression(false, 1).build();
    /** Probes before every reuse: the tests below close connections moments before reusing them. */
    private final HttpClient probing = HttpClient.builder().decompression(false, 1)
            .validateAfterInactivity(Duration.ZERO).build();

    @AfterEach
    void tearDown() {
        client.close();
        probing.close();
    }

    private static HttpRequest post(RawServer s) {
        return HttpRequest.newBuilder(s.url("/")).post(RequestBody.ofString("data", null)).build();
    }

    @Test
    void connectionClosedByServerWhileIdleIsDetectedBeforeReuse() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.ok("first");
            c.socket.close();
            closed.countDown();
        })) {
            assertThat(probing.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("first");
            assertThat(probing.idleConnectionCount()).isEqualTo(1);
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
            // a POST is never retried: it only succeeds because the stale connection was noticed before use
            try (HttpResponse r = probing.send(post(s))) {
                assertThat(r.bodyString()).isEqualTo("first");
            }
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void getOnAConnectionClosedByServerWhileIdleIsRetriedOnANewOne() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.ok("answer " + n.incrementAndGet());
            c.socket.close();
            closed.countDown();
        })) {
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("answer 1");
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
            // idle for less than the probe age, a GET is not probed: it fails on the dead
            // connection before any response and is sent again on a new one
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("answer 2");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void postAfterAnIdempotentRequestOnTheSameConnectionIsProbedNotRetried() throws Exception {
        // the server answers twice on one connection, then closes it: the second POST must go
        // to a new connection, and no POST may arrive twice
        AtomicInteger posts = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            for (int i = 0; i < 2; i++) {
                RawServer.Request r = c.read();
                if (r == null) {
                    return;
                }
                if (r.line().startsWith("POST")) {
                    posts.incrementAndGet();
                }
                c.ok("ok");
            }
            c.socket.close();
            closed.countDown();
        })) {
            assertThat(probing.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("ok");
            assertThat(probing.send(post(s)).bodyString()).isEqualTo("ok");
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(probing.send(post(s)).bodyString()).isEqualTo("ok");
            assertThat(posts.get()).isEqualTo(2);
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void tlsConnectionClosedByServerWhileIdleIsDetectedBeforeReuse() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (RawServer s = RawServer.tls(c -> {
            c.read();
            c.ok("over tls");
            c.socket.close(); // close_notify, then FIN
            closed.countDown();
        }); HttpClient tlsClient = HttpClient.builder().tls(TestPki.get().clientConfig())
                .validateAfterInactivity(Duration.ZERO).build()) {
            assertThat(tlsClient.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("over tls");
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
            try (HttpResponse r = tlsClient.send(post(s))) {
                assertThat(r.bodyString()).isEqualTo("over tls");
            }
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aNegativeValidationAgeIsRefused() {
        assertThatThrownBy(() -> HttpClient.builder().validateAfterInactivity(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validateAfterInactivity");
    }

    @Test
    void tlsConnectionsAreReused() throws Exception {
        try (RawServer s = RawServer.tls(c -> {
            while (c.read() != null) {
                c.ok("again");
            }
        }); HttpClient tlsClient = HttpClient.builder().tls(TestPki.get().clientConfig()).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(tlsClient.send(post(s)).bodyString()).isEqualTo("again");
            }
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    /** Answers the first request on each connection, then reads the next one and closes without answering. */
    private static RawServer answersOncePerConnection() throws Exception {
        AtomicInteger n = new AtomicInteger();
        return new RawServer(c -> {
            c.read();
            c.ok("response " + n.incrementAndGet());
            c.read();
        });
    }

    @Test
    void idempotentRequestIsRetriedOnceWhenAReusedConnectionFails() throws Exception {
        try (RawServer s = answersOncePerConnection()) {
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("response 1");
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("response 2");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void nonIdempotentRequestIsNotRetriedOnAReusedConnection() throws Exception {
        try (RawServer s = answersOncePerConnection()) {
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("response 1");
            assertThatThrownBy(() -> client.send(post(s))).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("reused");
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void bytesAfterAResponseMakeTheConnectionUnusable() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nbogus");
            c.read();
        })) {
            HttpResponse r = client.send(HttpRequest.get(s.url("/")));
            assertThat(r.bodyString()).isEqualTo("ok");
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("ok");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void manyRequestsOnOneConnection() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> c.ok(r.line()))) {
            self[0] = s;
            for (int i = 0; i < 100; i++) {
                assertThat(client.send(HttpRequest.get(s.url("/" + i))).bodyString()).isEqualTo("GET /" + i + " HTTP/1.1");
            }
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void ipv6LiteralHosts() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        RawServer s;
        try {
            s = RawServer.on(v6, c -> {
                RawServer.Request r;
                while ((r = c.read()) != null) {
                    c.ok("host=" + r.header("Host"));
                }
            });
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no IPv6 loopback: " + e);
            return;
        }
        try (s) {
            String url = "http://[::1]:" + s.port() + "/";
            assertThat(client.send(HttpRequest.get(url)).bodyString()).isEqualTo("host=[::1]:" + s.port());
            assertThat(client.send(HttpRequest.get(url)).bodyString()).isEqualTo("host=[::1]:" + s.port());
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void idleConnectionsExpire() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> c.ok("x"));
             HttpClient c = HttpClient.builder().timeouts(Timeouts.DEFAULT.withIdle(Duration.ofMillis(1))).build()) {
            self[0] = s;
            c.send(HttpRequest.get(s.url("/"))).bodyString();
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 3_000_000) {
                Thread.onSpinWait(); // 3 ms: past the 1 ms keep-alive time
            }
            c.send(HttpRequest.get(s.url("/"))).bodyString();
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void idleConnectionsAreClosedInTheBackground() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.ok("x");
            if (c.read() == null) {
                serverSawClose.countDown();
            }
        }); HttpClient c = HttpClient.builder().timeouts(Timeouts.DEFAULT.withIdle(Duration.ofMillis(50))).build()) {
            assertThat(c.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("x");
            assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue(); // no further use of the client needed
            assertThat(c.idleConnectionCount()).isZero();
        }
    }

    @Test
    void maxIdlePerHostBoundsThePool() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> c.ok("x"));
             HttpClient c = HttpClient.builder().maxIdlePerHost(2).build()) {
            self[0] = s;
            HttpResponse[] open = new HttpResponse[4];
            for (int i = 0; i < open.length; i++) {
                open[i] = c.send(HttpRequest.get(s.url("/")));
            }
            for (HttpResponse r : open) {
                assertThat(r.bodyString()).isEqualTo("x");
            }
            assertThat(s.connections.get()).isEqualTo(4);
            assertThat(c.idleConnectionCount()).isEqualTo(2);
        }
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> c.ok("x"));
             HttpClient c = HttpClient.builder().maxIdlePerHost(0).build()) {
            self[0] = s;
            c.send(HttpRequest.get(s.url("/"))).bodyString();
            c.send(HttpRequest.get(s.url("/"))).bodyString();
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }
}
