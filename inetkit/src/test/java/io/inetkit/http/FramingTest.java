package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.LimitExceededException;
import io.inetkit.text.MalformedHeaderException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response framing per RFC 9112 §6.3, against a raw server sending exactly the bytes under test. */
@Timeout(20)
class FramingTest {

    private HttpClient client;

    @BeforeEach
    void setUp() {
        client = HttpClient.builder().decompression(false, 1).build();
    }

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
    void contentLength() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")) {
            assertThat(get(s)).isEqualTo("hello");
            assertThat(get(s)).isEqualTo("hello");
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void identicalDuplicateContentLengthsAreAccepted() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5, 5\r\n\r\nhello")) {
            assertThat(get(s)).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 6", "Content-Length: 5, 6", "Content-Length: -1",
            "Content-Length: 0x10", "Content-Length: 99999999999999999999", "Content-Length: +5", "Content-Length: "})
    void invalidOrConflictingContentLengthIsRejected(String header) throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\n" + header + "\r\n\r\nhello")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("Content-Length");
        }
    }

    @Test
    void transferEncodingWithContentLengthIsRejected() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("both Transfer-Encoding and Content-Length");
        }
    }

    @Test
    void chunkedWithExtensionsAndTrailers() throws Exception {
        String body = "4;name=value\r\nWiki\r\n5 ; x\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Checksum: abc\r\n\r\n";
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body)) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThat(r.trailers().isEmpty()).isTrue();
                assertThat(new String(r.body().readAllBytes())).isEqualTo("Wikipedia in\r\n\r\nchunks.");
                assertThat(r.trailers().firstOrNull("x-checksum")).isEqualTo("abc");
            }
            assertThat(get(s)).isEqualTo("Wikipedia in\r\n\r\nchunks.");
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz\r\n", "-1\r\n", " 5\r\n", "5 \r\n", "\r\n", "0x5\r\n"})
    void malformedChunkSizesAreRejected(String sizeLine) throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + sizeLine + "hello\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("chunk");
        }
    }

    @Test
    void chunkSizeOverflowIsRejected() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nx")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("overflows");
        }
    }

    @Test
    void hugeChunkExtensionIsBounded() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;" + "x".repeat(6000) + "\r\nhello\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void chunkDataLongerThanDeclaredIsRejected() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class);
        }
    }

    @Test
    void unsupportedTransferCodingIsRejected() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("unsupported");
        }
    }

    @Test
    void closeDelimitedBodyEndsAtClose() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\n\r\nuntil the end");
        })) {
            assertThat(get(s)).isEqualTo("until the end");
            assertThat(client.idleConnectionCount()).isZero();
        }
    }

    @Test
    void truncatedContentLengthBodyFails() throws Exception {
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        })) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(ConnectionClosedException.class).hasMessageContaining("3 of 10");
        }
    }

    @Test
    void noBodyForHead204And304EvenWithContentLength() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> {
            String path = r.line().split(" ")[1];
            switch (path) {
                case "/204" -> c.write("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
                case "/304" -> c.write("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n");
                default -> c.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + (r.line().startsWith("HEAD") ? "" : "hello"));
            }
        })) {
            self[0] = s;
            try (HttpResponse r = client.send(HttpRequest.newBuilder(s.url("/")).head().build())) {
                assertThat(r.header("Content-Length")).contains("5");
                assertThat(r.body().read()).isEqualTo(-1);
            }
            for (String p : List.of("/204", "/304", "/")) {
                assertThat(client.send(HttpRequest.get(s.url(p))).bodyString()).isEqualTo(p.equals("/") ? "hello" : "");
            }
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void interimResponsesAreSkippedAndReported() throws Exception {
        List<Integer> seen = new ArrayList<>();
        client.close();
        client = HttpClient.builder().informationalListener((req, status, h) -> seen.add(status)).build();
        try (RawServer s = RawServer.answering("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(get(s)).isEqualTo("ok");
            assertThat(seen).containsExactly(100, 103);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 OK\r\n\r\n", "HTTP/2 200 OK\r\n\r\n", "ICY 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n",
            "HTTP/1.1 200OK\r\n\r\n", "garbage\r\n\r\n"})
    void malformedStatusLinesAreRejected(String response) throws Exception {
        try (RawServer s = RawServer.answering(response)) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedReplyException.class).hasMessageContaining("status line");
        }
    }

    @Test
    void statusLineWithoutReasonIsAccepted() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n")) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.reason()).isEmpty();
            }
        }
    }

    @Test
    void hugeHeaderIsBounded() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
        StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 300; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        try (RawServer s = RawServer.answering(many + "\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void foldedHeaderIsRejected() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\nContent-Length: 0\r\n\r\n")) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(MalformedHeaderException.class);
        }
    }

    @Test
    void http10ClosesUnlessKeepAlive() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(get(s)).isEqualTo("ok");
            assertThat(get(s)).isEqualTo("ok");
            assertThat(s.connections.get()).isEqualTo(2);
        }
        try (RawServer s = RawServer.answering("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(get(s)).isEqualTo("ok");
            assertThat(get(s)).isEqualTo("ok");
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawServer s = RawServer.answering("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")) {
            assertThat(get(s)).isEqualTo("ok");
            assertThat(client.idleConnectionCount()).isZero();
        }
    }

    @Test
    void noResponseAtAllIsAClearError() throws Exception {
        try (RawServer s = new RawServer(c -> c.read())) {
            assertThatThrownBy(() -> get(s)).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("without sending a response");
        }
    }
}
