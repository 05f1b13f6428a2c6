package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.ConnectTimeoutException;
import io.inetkit.net.Timeouts;
import io.inetkit.text.ConnectionClosedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Client rules the older tests leave open: the stale-connection retry happens at most once, the
 * connect timeout, Retry-After and backoff really wait (the leak warning is in {@link LeakTest}).
 */
@Timeout(30)
class ClientRulesTest {

    @Test
    void staleConnectionRetryHappensOnlyOnce() throws Exception {
        // two pooled connections, both of which the server drops on their next request: a GET
        // fails on the first, is retried once on the second, and then gives up; a third attempt
        // (on a new connection, which would answer) must not happen
        CountDownLatch both = new CountDownLatch(2);
        try (RawServer s = new RawServer(c -> {
            c.read();
            both.countDown();
            both.await();
            c.ok("first");
            c.read(); // the next request on this connection: closed without an answer
        }); HttpClient client = HttpClient.builder().decompression(false, 1).build()) {
            CompletableFuture<HttpResponse> a = client.sendAsync(HttpRequest.get(s.url("/")));
            CompletableFuture<HttpResponse> b = client.sendAsync(HttpRequest.get(s.url("/")));
            assertThat(a.get(10, TimeUnit.SECONDS).bodyString()).isEqualTo("first");
            assertThat(b.get(10, TimeUnit.SECONDS).bodyString()).isEqualTo("first");
            assertThat(client.idleConnectionCount()).isEqualTo(2);
            assertThatThrownBy(() -> client.send(HttpRequest.get(s.url("/")))).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("reused");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void connectTimeoutIsEnforced() throws Exception {
        // a listener whose accept queue is full drops further SYNs on Linux, so connect() waits
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             HttpClient client = HttpClient.builder().timeouts(Timeouts.DEFAULT.withConnect(Duration.ofMillis(300))).build()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            List<Socket> fillers = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 20 && !full; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(address, 300);
                        fillers.add(filler);
                    } catch (SocketTimeoutException e) {
                        filler.close();
                        full = true;
                    }
                }
                assertThat(full).as("the accept queue filled up").isTrue();
                long start = System.nanoTime();
                assertThatThrownBy(() -> client.send(HttpRequest.get("http://127.0.0.1:" + server.getLocalPort() + "/")))
                        .isInstanceOf(ConnectTimeoutException.class).hasMessageContaining("300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    /** Answers 503 with {@code retryAfter} (if not null) {@code failures} times, then 200; records when each request came. */
    private static RawServer flaky(int failures, String retryAfter, List<Long> arrivals) throws IOException {
        AtomicInteger count = new AtomicInteger();
        return new RawServer(c -> {
            while (c.read() != null) {
                arrivals.add(System.nanoTime());
                if (count.incrementAndGet() <= failures) {
                    c.write("HTTP/1.1 503 Busy\r\n" + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n")
                            + "Content-Length: 4\r\n\r\nbusy");
                } else {
                    c.ok("done");
                }
            }
        });
    }

    private static Duration gap(List<Long> arrivals, int i) {
        return Duration.ofNanos(arrivals.get(i + 1) - arrivals.get(i));
    }

    @Test
    void retryAfterIsWaitedFor() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.of(2).withBackoff(Duration.ofMillis(1), Duration.ofSeconds(3));
        try (RawServer s = flaky(1, "1", arrivals); HttpClient client = HttpClient.builder().retry(policy).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.bodyString()).isEqualTo("done");
            assertThat(arrivals).hasSize(2);
            assertThat(gap(arrivals, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(950)); // not the 1 ms backoff
        }
    }

    @Test
    void backoffGrowsBetweenRetries() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.of(3).withBackoff(Duration.ofMillis(150), Duration.ofSeconds(2));
        try (RawServer s = flaky(2, null, arrivals); HttpClient client = HttpClient.builder().retry(policy).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.bodyString()).isEqualTo("done");
            assertThat(arrivals).hasSize(3);
            assertThat(gap(arrivals, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
            assertThat(gap(arrivals, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(290)); // doubled
        }
    }
}
