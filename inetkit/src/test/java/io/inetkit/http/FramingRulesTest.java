package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Timeouts;
import io.inetkit.text.LimitExceededException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response framing rules FramingTest leaves open: no body for 1xx and for chunked 204/304/HEAD,
 * trailers kept apart from the header, 16-digit chunk sizes, {@code 5a}, and peers that never stop
 * sending (bounded memory, a clear error). Raw loopback peers send exactly the bytes under test.
 */
@Timeout(20)
class FramingRulesTest {

    /** A short read timeout: a client that wrongly waits for a body fails fast instead of hanging. */
    private final HttpClient client = HttpClient.builder().decompression(false, 1)
            .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(2))).build();

    @AfterEach
    void tearDown() {
        client.close();
    }

    private String get(RawServer s) throws IOException {
        try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
            return r.bodyString();
        }
    }

    @Test
    void interimResponseWithContentLengthHasNoBody() throws Exception {
        // a client that took "Content-Length: 5" of the 103 seriously would eat "HTTP/" of the final response
        try (RawServer s = RawServer.answering("HTTP/1.1 103 Early Hints\r\nContent-Length: 5\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(get(s)).isEqualTo("ok");
            assertThat(get(s)).isEqualTo("ok");
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void chunked204And304AndHeadHaveNoBody() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> {
            String path = r.line().split(" ")[1];
            switch (path) {
                case "/204" -> c.write("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n");
                case "/304" -> c.write("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n");
                case "/head" -> c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                default -> c.ok("next");
            }
        })) {
            self[0] = s;
            for (String p : List.of("/204", "/304")) {
                try (HttpResponse r = client.send(HttpRequest.get(s.url(p)))) {
                    assertThat(r.body().read()).isEqualTo(-1);
                }
                assertThat(get(s)).isEqualTo("next");
            }
            try (HttpResponse r = client.send(HttpRequest.newBuilder(s.url("/head")).head().build())) {
                assertThat(r.header("Transfer-Encoding")).contains("chunked");
                assertThat(r.body().read()).isEqualTo(-1);
            }
            assertThat(get(s)).isEqualTo("next");
            // every response above was framed right: they all shared one connection
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void trailersStayOutOfTheHeader() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Head: h\r\n\r\n"
                + "2;ext=\"quoted;value\"\r\nok\r\n0;last\r\nX-Trailer: t\r\n\r\n")) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThat(r.bodyString()).isEqualTo("ok");
                assertThat(r.trailers().firstOrNull("X-Trailer")).isEqualTo("t");
                assertThat(r.trailers().contains("X-Head")).isFalse();
                assertThat(r.headers().contains("X-Trailer")).isFalse();
                assertThat(r.headers().firstOrNull("X-Head")).isEqualTo("h");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffffffffffff", "8000000000000000", "10000000000000005"})
    void chunkSizesPastALongAreRejectedNotWrapped(String size) throws Exception {
        // wrapped, 16 f's is -1 and 2^64+5 is 5 ("hello"): both must fail as an overflow
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nhello\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("chunk");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5a", "Content-Length: 5 5", "Content-Length: 5\r\nContent-Length: "})
    void moreInvalidContentLengthsAreRejected(String header) throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\n" + header + "\r\n\r\nhello")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("Content-Length");
        }
    }

    @Test
    void identicalContentLengthsInTwoFieldsAreAccepted() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello")) {
            assertThat(get(s)).isEqualTo("hello");
            assertThat(get(s)).isEqualTo("hello");
        }
    }

    @Test
    void transferEncodingWithContentLengthFailsAndLeavesNoConnection() throws Exception {
        // RFC 9112 §6.3: the client treats it as an error; the connection is not reused for a smuggled response
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class);
            assertThat(client.idleConnectionCount()).isZero();
        }
    }

    @Test
    void closeDelimitedBodyOnAKeepAliveResponseClosesTheConnection() throws Exception {
        // HTTP/1.1, no Connection: close, no length: the body runs to EOF, the next request needs a new connection
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n\r\nto the end");
            c.socket.shutdownOutput();
            c.read(); // never comes: a client that kept the connection would wait here
        })) {
            assertThat(get(s)).isEqualTo("to the end");
            assertThat(client.idleConnectionCount()).isZero();
            assertThat(get(s)).isEqualTo("to the end");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void endlessStatusLineIsBounded() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 ");
            byte[] chunk = "a".repeat(8192).getBytes();
            while (true) {
                c.write(chunk); // ends when the client closes
            }
        })) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void endlessHeaderFieldsAreBounded() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\n");
            for (int i = 0; ; i++) {
                c.write("X-" + i + ": v\r\n");
            }
        })) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void endlessTrailersAreBounded() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n");
            for (int i = 0; ; i++) {
                c.write("X-" + i + ": v\r\n");
            }
        })) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void endlessBodyIsBoundedByTheCallersLimit() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            while (true) {
                c.write(chunk);
            }
        })) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThatThrownBy(() -> r.bodyBytes(1 << 20)).isInstanceOf(LimitExceededException.class)
                        .hasMessageContaining("1048576");
            }
        }
    }
}
