package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several byte ranges from StaticFiles: one 206 multipart/byteranges, read by our client and the JDK's. */
@Timeout(30)
class MultiRangeTest {
    /** Kept in memory by the file cache (at most 64 KiB). */
    static final byte[] SMALL = HttpClientTest.pattern(1000);
    /** Sent from disk, with parts longer than the 64 KiB copy buffer. */
    static final byte[] BIG = HttpClientTest.pattern(300_000);

    @TempDir
    static Path root;
    static HttpServer server;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        Files.write(root.resolve("small.bin"), SMALL);
        Files.write(root.resolve("big.bin"), BIG);
        server = HttpServer.builder().get("/", StaticFiles.of(root)).start();
        client = HttpClient.newClient();
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
        server.close();
    }

    record Part(String contentType, String contentRange, byte[] bytes) {}

    record Reply(int status, String contentType, long contentLength, byte[] body) {}

    static Reply get(String file, String... headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri() + file);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try (HttpResponse r = client.send(b.build())) {
            return new Reply(r.status(), r.header("Content-Type").orElse(null),
                    Long.parseLong(r.header("Content-Length").orElse("-1")), r.bodyBytes(1 << 20));
        }
    }

    static Reply jdkGet(String file, String range) throws Exception {
        try (java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient()) {
            var r = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + file)).header("Range", range).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValueAsLong("Content-Length").orElse(-1), r.body());
        }
    }

    /** Splits a multipart/byteranges body, checking its framing (RFC 2046 §5.1.1). */
    static List<Part> parts(Reply r) {
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.contentType()).startsWith("multipart/byteranges; boundary=");
        assertThat(r.contentLength()).as("Content-Length is the body's length").isEqualTo(r.body().length);
        String delimiter = "\r\n--" + r.contentType().substring("multipart/byteranges; boundary=".length());
        String body = "\r\n" + new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith(delimiter + "\r\n").endsWith(delimiter + "--\r\n");
        String[] segments = body.substring(0, body.length() - delimiter.length() - 4).split(Pattern.quote(delimiter), -1);
        assertThat(segments[0]).isEmpty();
        List<Part> parts = new ArrayList<>();
        for (String s : Arrays.copyOfRange(segments, 1, segments.length)) {
            int end = s.indexOf("\r\n\r\n");
            List<String> fields = Arrays.asList(s.substring(2, end).split("\r\n"));
            assertThat(s).startsWith("\r\n");
            assertThat(fields).hasSize(2);
            parts.add(new Part(fields.get(0).substring("Content-Type: ".length()), fields.get(1).substring("Content-Range: ".length()),
                    s.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    static Part part(byte[] file, long first, long last) {
        return new Part("application/octet-stream", "bytes " + first + "-" + last + "/" + file.length,
                Arrays.copyOfRange(file, (int) first, (int) last + 1));
    }

    static void assertParts(List<Part> actual, Part... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i).contentType()).isEqualTo(expected[i].contentType());
            assertThat(actual.get(i).contentRange()).isEqualTo(expected[i].contentRange());
            assertThat(actual.get(i).bytes()).as("part %d", i).isEqualTo(expected[i].bytes());
        }
    }

    @Test
    void severalRangesFromMemoryAndFromDisk() throws Exception {
        assertParts(parts(get("small.bin", "Range", "bytes=0-9,20-29")), part(SMALL, 0, 9), part(SMALL, 20, 29));
        assertParts(parts(jdkGet("small.bin", "bytes=0-9,20-29")), part(SMALL, 0, 9), part(SMALL, 20, 29));
        // suffix, open-ended and clamped ranges, parts over 64 KiB
        String range = "bytes=0-99999, 150000-150000 ,-70000";
        Part[] expected = {part(BIG, 0, 99_999), part(BIG, 150_000, 150_000), part(BIG, 230_000, 299_999)};
        assertParts(parts(get("big.bin", "Range", range)), expected);
        assertParts(parts(jdkGet("big.bin", range)), expected);
        assertParts(parts(get("big.bin", "Range", "bytes=10-19,299990-999999")), part(BIG, 10, 19), part(BIG, 299_990, 299_999));
        assertParts(parts(jdkGet("small.bin", "bytes=900-,5-5")), part(SMALL, 900, 999), part(SMALL, 5, 5));
    }

    @Test
    void theBoundaryIsFreshForEachResponse() throws IOException {
        assertThat(get("small.bin", "Range", "bytes=0-0,2-2").contentType()).isNotEqualTo(get("small.bin", "Range", "bytes=0-0,2-2").contentType())
                .matches("multipart/byteranges; boundary=[0-9A-Za-z]{32}");
    }

    @Test
    void overlappingAndAdjacentRangesAreCoalescedInRequestOrder() throws IOException {
        assertParts(parts(get("small.bin", "Range", "bytes=500-509,10-19,15-29,30-39")), part(SMALL, 500, 509), part(SMALL, 10, 39));
        assertParts(parts(get("small.bin", "Range", "bytes=500-509,0-9,505-600")), part(SMALL, 500, 600), part(SMALL, 0, 9));
        assertParts(parts(get("big.bin", "Range", "bytes=70000-70009,-10,0-0")), part(BIG, 70_000, 70_009), part(BIG, 299_990, 299_999),
                part(BIG, 0, 0));
        // one range left: a plain 206, as for a single range
        Reply one = get("small.bin", "Range", "bytes=0-9,10-19,5-12");
        assertThat(one.status()).isEqualTo(206);
        assertThat(one.contentType()).isEqualTo("application/octet-stream");
        assertThat(one.body()).isEqualTo(Arrays.copyOfRange(SMALL, 0, 20));
    }

    @Test
    void atMost32Ranges() throws IOException {
        StringBuilder range = new StringBuilder("bytes=0-0");
        Part[] expected = new Part[32];
        expected[0] = part(BIG, 0, 0);
        for (int i = 1; i < 32; i++) {
            range.append(',').append(i * 100).append('-').append(i * 100 + 4);
            expected[i] = part(BIG, i * 100, i * 100 + 4);
        }
        assertParts(parts(get("big.bin", "Range", range.toString())), expected);
        Reply over = get("big.bin", "Range", range + ",5000-5001");
        assertThat(over.status()).as("33 ranges: the header is ignored").isEqualTo(200);
        assertThat(over.body()).isEqualTo(BIG);
        assertThat(get("small.bin", "Range", "bytes=" + "0-0,".repeat(40)).status()).isEqualTo(200);
    }

    @Test
    void moreBytesThanTheFileGetsTheWholeFile() throws Exception {
        Reply r = get("small.bin", "Range", "bytes=0-599,400-999");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(SMALL);
        Reply jdk = jdkGet("big.bin", "bytes=0-,0-");
        assertThat(jdk.status()).isEqualTo(200);
        assertThat(jdk.body()).isEqualTo(BIG);
    }

    @Test
    void unsatisfiableRangesAreDroppedAndNoneLeftIs416() throws Exception {
        Reply r = jdkGet("small.bin", "bytes=2000-3000,1000-,-0");
        assertThat(r.status()).isEqualTo(416);
        try (HttpResponse res = client.send(HttpRequest.newBuilder(server.uri() + "small.bin").header("Range", "bytes=2000-,5000-").build())) {
            assertThat(res.status()).isEqualTo(416);
            assertThat(res.header("Content-Range")).hasValue("bytes */1000");
        }
        Reply one = get("small.bin", "Range", "bytes=2000-3000,990-");
        assertThat(one.status()).isEqualTo(206);
        assertThat(one.body()).isEqualTo(Arrays.copyOfRange(SMALL, 990, 1000));
        assertParts(parts(get("small.bin", "Range", "bytes=0-1,2000-,4-5")), part(SMALL, 0, 1), part(SMALL, 4, 5));
    }

    @Test
    void anInvalidRangeVoidsTheHeader() throws IOException {
        for (String range : new String[] {"bytes=0-9,x", "bytes=0-9,5-1", "bytes=,", "bytes=0-9;20-29"}) {
            Reply r = get("small.bin", "Range", range);
            assertThat(r.status()).as(range).isEqualTo(200);
            assertThat(r.body()).isEqualTo(SMALL);
        }
        assertParts(parts(get("small.bin", "Range", "BYTES=0-1, ,4-5,")), part(SMALL, 0, 1), part(SMALL, 4, 5));
    }

    @Test
    void headGetsTheSameHeadAndNoBody() throws IOException {
        Reply got = get("big.bin", "Range", "bytes=0-99,-100");
        try (HttpResponse r = client.send(HttpRequest.newBuilder(server.uri() + "big.bin").head().header("Range", "bytes=0-99,-100").build())) {
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Type").orElseThrow()).startsWith("multipart/byteranges; boundary=");
            assertThat(r.header("Content-Length")).hasValue(Long.toString(got.body().length));
            assertThat(r.bodyBytes(100)).isEmpty();
        }
        assertThat(get("small.bin").status()).as("the connection is still usable").isEqualTo(200);
    }

    @Test
    void ifRangeStillApplies() throws IOException {
        String etag;
        try (HttpResponse r = client.send(HttpRequest.get(server.uri() + "small.bin"))) {
            etag = r.header("ETag").orElseThrow();
            r.bodyBytes(2000);
        }
        Reply stale = get("small.bin", "Range", "bytes=0-9,20-29", "If-Range", "\"old\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(SMALL);
        assertParts(parts(get("small.bin", "Range", "bytes=0-9,20-29", "If-Range", etag)), part(SMALL, 0, 9), part(SMALL, 20, 29));
    }
}
