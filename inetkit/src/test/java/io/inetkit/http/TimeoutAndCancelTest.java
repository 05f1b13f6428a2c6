package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Timeouts;
import io.inetkit.text.ReadTimeoutException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Read timeouts, the whole-call deadline and cancellation. The servers block on a latch, never on a sleep. */
@Timeout(20)
class TimeoutAndCancelTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
    }

    private HttpClient client(Duration read) {
        return HttpClient.builder().timeouts(Timeouts.DEFAULT.withRead(read)).build();
    }

    @Test
    void responseThatNeverStartsTimesOut() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            release.await();
        }); HttpClient client = client(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.send(HttpRequest.get(s.url("/")))).isInstanceOf(ReadTimeoutException.class)
                    .hasMessageContaining("no response").hasMessageContaining("300 ms");
        }
    }

    @Test
    void bodyThatNeverEndsTimesOut() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
            release.await();
        }); HttpClient client = client(Duration.ofMillis(300))) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                InputStream body = r.body();
                assertThat(body.readNBytes(4)).hasSize(4);
                assertThatThrownBy(body::read).isInstanceOf(ReadTimeoutException.class)
                        .hasMessageContaining("response body");
            }
            assertThat(client.idleConnectionCount()).isZero();
        }
    }

    @Test
    void callDeadlineCoversTheBody() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
            release.await();
        }); HttpClient client = HttpClient.builder().callTimeout(Duration.ofMillis(300)).build()) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThat(r.body().readNBytes(3)).hasSize(3);
                assertThatThrownBy(() -> r.body().read()).isInstanceOf(CallTimeoutException.class)
                        .hasMessageContaining("300 ms");
            }
        }
    }

    @Test
    void perRequestTimeoutOverridesTheClient() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            release.await();
        }); HttpClient client = HttpClient.newClient()) {
            HttpRequest r = HttpRequest.newBuilder(s.url("/")).timeout(Duration.ofMillis(200)).build();
            assertThatThrownBy(() -> client.send(r)).isInstanceOf(CallTimeoutException.class);
        }
    }

    @Test
    void cancelClosesTheConnection() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            received.countDown();
            if (c.in.read() < 0) {
                serverSawClose.countDown();
            }
        }); HttpClient client = HttpClient.newClient()) {
            HttpCall call = client.newCall(HttpRequest.get(s.url("/")));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    call.execute();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            call.cancel();
            t.join();
            assertThat(failure.get()).isInstanceOf(CallCanceledException.class);
            assertThat(call.isCanceled()).isTrue();
            assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(call::execute).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void cancellingTheFutureCancelsTheCall() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            received.countDown();
            if (c.in.read() < 0) {
                serverSawClose.countDown();
            }
        }); HttpClient client = HttpClient.newClient()) {
            CompletableFuture<HttpResponse> f = client.sendAsync(HttpRequest.get(s.url("/")));
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(f.cancel(true)).isTrue();
            assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void sendAsyncCompletes() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.ok("async");
        }); HttpClient client = HttpClient.newClient()) {
            assertThat(client.sendAsync(HttpRequest.get(s.url("/"))).get(5, TimeUnit.SECONDS).bodyString()).isEqualTo("async");
        }
    }

    @Test
    void connectionRefusedIsADialFailure() throws Exception {
        int port;
        try (RawServer s = new RawServer(c -> { })) {
            port = s.port();
        }
        try (HttpClient client = HttpClient.newClient()) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> client.sendAsync(HttpRequest.get("http://127.0.0.1:" + port + "/")).get(5, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(io.inetkit.net.ConnectionRefusedException.class);
        }
    }
}
