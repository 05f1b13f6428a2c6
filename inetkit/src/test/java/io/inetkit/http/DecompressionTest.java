package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.inetkit.text.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DecompressionTest {

    private static final String TEXT = "the quick brown fox jumps over the lazy dog ".repeat(1000);

    private JdkServer server;
    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();
    private volatile String acceptEncoding;

    @BeforeEach
    void setUp() throws Exception {
        server = JdkServer.http();
        server.handle("/gzip", ex -> send(ex, "gzip", gzip(TEXT.getBytes(StandardCharsets.UTF_8))));
        server.handle("/deflate", ex -> send(ex, "deflate", deflate(TEXT.getBytes(StandardCharsets.UTF_8), false)));
        server.handle("/rawdeflate", ex -> send(ex, "deflate", deflate(TEXT.getBytes(StandardCharsets.UTF_8), true)));
        server.handle("/bomb", ex -> send(ex, "gzip", gzip(new byte[50 << 20])));
        server.handle("/corrupt", ex -> send(ex, "gzip", "not gzip at all".getBytes()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void send(HttpExchange ex, String encoding, byte[] body) throws IOException {
        ports.add(ex.getRemoteAddress().getPort());
        acceptEncoding = ex.getRequestHeaders().getFirst("Accept-Encoding");
        ex.getResponseHeaders().add("Content-Encoding", encoding);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(200, head ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(b, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(data);
        }
        return b.toByteArray();
    }

    @Test
    void gzipAndBothDeflateFormsAreDecoded() throws Exception {
        try (HttpClient client = HttpClient.newClient()) {
            for (String path : new String[] {"/gzip", "/deflate", "/rawdeflate", "/gzip"}) {
                try (HttpResponse r = client.send(HttpRequest.get(server.url(path)))) {
                    assertThat(r.headers().contains("Content-Encoding")).isFalse();
                    assertThat(r.headers().contains("Content-Length")).isFalse();
                    assertThat(r.bodyString()).isEqualTo(TEXT);
                }
            }
            assertThat(acceptEncoding).isEqualTo("gzip, deflate");
            assertThat(ports).hasSize(1); // the connection was reused after each compressed body
        }
    }

    @Test
    void decompressionBombIsStopped() throws Exception {
        try (HttpClient client = HttpClient.builder().decompression(true, 1 << 20).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/bomb")))) {
            assertThatThrownBy(() -> r.body().transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(LimitExceededException.class).hasMessage("decompressed body exceeds 1048576 bytes");
        }
    }

    @Test
    void callerChosenEncodingIsPassedThrough() throws Exception {
        try (HttpClient client = HttpClient.newClient();
             HttpResponse r = client.send(HttpRequest.newBuilder(server.url("/gzip")).header("Accept-Encoding", "gzip").build())) {
            assertThat(r.header("Content-Encoding")).contains("gzip");
            assertThat(r.bodyBytes(1 << 20)).isEqualTo(gzip(TEXT.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void disabledDecompressionSendsNoAcceptEncoding() throws Exception {
        try (HttpClient client = HttpClient.builder().decompression(false, 1).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/gzip")))) {
            assertThat(r.header("Content-Encoding")).contains("gzip");
            r.bodyBytes(1 << 20);
            assertThat(acceptEncoding).isNull();
        }
    }

    @Test
    void headAndCorruptBodies() throws Exception {
        try (HttpClient client = HttpClient.newClient()) {
            try (HttpResponse r = client.send(HttpRequest.newBuilder(server.url("/gzip")).head().build())) {
                assertThat(r.body().read()).isEqualTo(-1);
            }
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/corrupt")))) {
                assertThatThrownBy(r::bodyString).isInstanceOf(CorruptBodyException.class).hasMessageContaining("corrupt");
            }
        }
    }

    /**
     * A compressed body is given back to the pool only once the decoder saw its content end with
     * the message: read to the end, or not read at all (then the framing is trusted, as for any
     * body); read partly and closed, its connection is closed, since the rest was never checked.
     */
    @Test
    void aCompressedBodyIsReusedOnlyWhenItsEndIsKnown() throws Exception {
        try (HttpClient client = HttpClient.newClient()) {
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/gzip")))) {
                assertThat(r.bodyString()).isEqualTo(TEXT);
            }
            assertThat(client.idleConnectionCount()).as("read to the end").isEqualTo(1);
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/gzip")))) {
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(client.idleConnectionCount()).as("never read").isEqualTo(1);
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/gzip")))) {
                assertThat(r.body().read()).isEqualTo(TEXT.charAt(0));
            }
            assertThat(client.idleConnectionCount()).as("read partly").isZero();
        }
    }

    /**
     * Regression: a gzip body cut short by a wrong Content-Length failed as corrupt, yet its
     * connection went back to the pool, and the rest of the stream, arriving late, was read as
     * the next response's status line. A corrupt body now closes its connection.
     */
    @Test
    void corruptBodyClosesItsConnection() throws Exception {
        byte[] gz = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
        int cut = gz.length / 2;
        java.util.concurrent.CountDownLatch firstCallDone = new java.util.concurrent.CountDownLatch(1);
        try (RawServer s = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + cut + "\r\n\r\n");
            c.write(java.util.Arrays.copyOf(gz, cut));
            if (!firstCallDone.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
            c.write(java.util.Arrays.copyOfRange(gz, cut, gz.length)); // the rest, late, where a next response would be
            while (c.read() != null) {
                c.ok("good");
            }
        }); HttpClient client = HttpClient.newClient()) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThatThrownBy(r::bodyString).isInstanceOf(CorruptBodyException.class);
            }
            assertThat(client.idleConnectionCount()).isZero();
            firstCallDone.countDown();
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/")))) {
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }
}
