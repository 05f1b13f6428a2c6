package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Expect: 100-continue}: wait for 100, a bounded wait, or a final answer without the body. */
@Timeout(20)
class ExpectContinueTest {

    private final List<Integer> interim = new CopyOnWriteArrayList<>();

    private HttpClient client() {
        return HttpClient.builder().continueTimeout(Duration.ofMillis(200))
                .informationalListener((r, status, h) -> interim.add(status)).build();
    }

    private static HttpRequest upload(RawServer s) {
        return HttpRequest.newBuilder(s.url("/")).put(RequestBody.ofString("the body", "text/plain"))
                .expectContinue(true).build();
    }

    @Test
    void bodyIsSentAfter100Continue() throws Exception {
        try (RawServer s = new RawServer(c -> {
            RawServer.Request head = c.read(false);
            c.write("HTTP/1.1 100 Continue\r\n\r\n");
            byte[] body = c.readBody(head.headers());
            c.ok("got " + new String(body) + " expect=" + head.header("Expect"));
        }); HttpClient client = client()) {
            assertThat(client.send(upload(s)).bodyString()).isEqualTo("got the body expect=100-continue");
            assertThat(interim).containsExactly(100);
        }
    }

    @Test
    void bodyIsSentAnywayAfterTheWait() throws Exception {
        try (RawServer s = new RawServer(c -> {
            RawServer.Request head = c.read(false);
            byte[] body = c.readBody(head.headers()); // blocks until the client gives up waiting
            c.ok("got " + new String(body));
        }); HttpClient client = client()) {
            assertThat(client.send(upload(s)).bodyString()).isEqualTo("got the body");
            assertThat(interim).isEmpty();
        }
    }

    /**
     * Regression: the wait for 100 ended in the middle of
     * an interim response's header block; the fields read so far were lost, so the rest of the
     * block was later parsed as a status line and a good response failed as malformed.
     */
    @Test
    void waitEndingInsideAnInterimHeaderBlockKeepsTheConnectionInStep() throws Exception {
        try (RawServer s = new RawServer(c -> {
            RawServer.Request head = c.read(false);
            c.write("HTTP/1.1 102 Processing\r\nX-Progress: 1\r\n");
            // the rest of the block is late, past the 200 ms wait for 100: a client that gave up
            // waiting in mid-block sends its body now; one that reads the block whole sends nothing
            c.socket.setSoTimeout(600);
            byte[] early = null;
            try {
                early = c.in.readNBytes(8);
            } catch (SocketTimeoutException expected) {
                // nothing came: right
            }
            c.socket.setSoTimeout(0);
            c.write("X-More: 2\r\n\r\n");
            byte[] body = early != null ? early : c.readBody(head.headers());
            c.ok("got " + new String(body));
        }); HttpClient client = client()) {
            assertThat(client.send(upload(s)).bodyString()).isEqualTo("got the body");
            assertThat(interim).containsExactly(102);
        }
    }

    @Test
    void earlyResponseWhileUploadingIsReturned() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read(false);
            c.write("HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 8\r\n\r\ntoo big!");
            c.socket.shutdownOutput();
            c.in.readNBytes(256 * 1024); // read a little of the body, as a lingering close would, then stop
            c.socket.close();
        }); HttpClient client = HttpClient.newClient()) {
            byte[] big = new byte[64 << 20];
            HttpRequest upload = HttpRequest.newBuilder(s.url("/")).put(RequestBody.ofBytes(big, null)).build();
            try (HttpResponse r = client.send(upload)) {
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.bodyString()).isEqualTo("too big!");
            }
        }
    }

    @Test
    void finalResponseInsteadOf100SkipsTheBody() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read(false);
            c.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 3\r\n\r\nbig");
            c.read(false); // the body never comes; the client closes
        }); HttpClient client = client()) {
            try (HttpResponse r = client.send(upload(s))) {
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.bodyString()).isEqualTo("big");
            }
            assertThat(client.idleConnectionCount()).isZero();
        }
    }
}
