package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RetryTest {

    private static final RetryPolicy FAST = RetryPolicy.of(3).withBackoff(Duration.ofMillis(1), Duration.ofSeconds(2));

    /** Answers 503 (with the given Retry-After) {@code failures} times, then 200. */
    private static RawServer flaky(int failures, String retryAfter, AtomicInteger count) throws Exception {
        RawServer[] self = new RawServer[1];
        RawServer s = RawServer.keepAlive(self, (c, r) -> {
            if (count.incrementAndGet() <= failures) {
                c.write("HTTP/1.1 503 Busy\r\n" + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n")
                        + "Content-Length: 4\r\n\r\nbusy");
            } else {
                c.ok("done");
            }
        });
        self[0] = s;
        return s;
    }

    @Test
    void idempotentRequestsAreRetried() throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (RawServer s = flaky(2, "0", count); HttpClient client = HttpClient.builder().retry(FAST).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyString()).isEqualTo("done");
            assertThat(count.get()).isEqualTo(3);
        }
    }

    @Test
    void retriesStopAtTheMaximum() throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (RawServer s = flaky(10, null, count); HttpClient client = HttpClient.builder().retry(FAST).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(count.get()).isEqualTo(4);
        }
    }

    @Test
    void postIsNeverRetried() throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (RawServer s = flaky(1, "0", count); HttpClient client = HttpClient.builder().retry(FAST).build();
             HttpResponse r = client.send(HttpRequest.newBuilder(s.url("/")).post(RequestBody.ofString("x", null)).build())) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(count.get()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterLongerThanTheMaximumIsNotWaitedFor() throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (RawServer s = flaky(1, "3600", count); HttpClient client = HttpClient.builder().retry(FAST).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(count.get()).isEqualTo(1);
        }
    }

    @Test
    void offByDefault() throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (RawServer s = flaky(1, "0", count); HttpClient client = HttpClient.newClient();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(503);
        }
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (RawServer s = new RawServer(c -> {
            c.read();
            if (connections.incrementAndGet() > 1) {
                c.ok("second time lucky");
            } // the first connection closes without an answer
        }); HttpClient client = HttpClient.builder().retry(FAST).build()) {
            assertThat(client.send(HttpRequest.get(s.url("/"))).bodyString()).isEqualTo("second time lucky");
        }
    }

    @Test
    void retryAfterParsing() {
        assertThat(RetryInterceptor.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryInterceptor.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryInterceptor.retryAfter("soon")).isNull();
        assertThat(RetryInterceptor.retryAfter(null)).isNull();
    }

    @Test
    void maxElapsedStopsARetryThatWouldStartTooLate() throws Exception {
        AtomicInteger count = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.of(3).withFixedDelay(Duration.ofSeconds(5)).withMaxElapsed(Duration.ofMillis(500));
        try (RawServer s = flaky(10, null, count); HttpClient client = HttpClient.builder().retry(policy).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(count.get()).isEqualTo(1); // waiting 5 s would end past the 500 ms bound
        }
    }

    @Test
    void fixedDelayWithinMaxElapsedRetriesAll() throws Exception {
        AtomicInteger count = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.of(3).withFixedDelay(Duration.ofMillis(1)).withMaxElapsed(Duration.ofSeconds(60));
        assertThat(policy.initialBackoff()).isEqualTo(policy.maxBackoff());
        try (RawServer s = flaky(10, null, count); HttpClient client = HttpClient.builder().retry(policy).build();
             HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(count.get()).isEqualTo(4);
        }
    }
}
