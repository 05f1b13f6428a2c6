package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StaticFiles over raw sockets and the JDK client: types, validators, ranges, listings, traversal. */
@Timeout(30)
class StaticFilesTest {
    @TempDir
    static Path tmp;
    static HttpServer server;
    static String etag;

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("secret.txt"), "TOPSECRET");
        Files.writeString(root.resolve("hello.txt"), "hello world");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(Instant.parse("2024-01-02T03:04:05Z")));
        Files.write(root.resolve("data.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.writeString(root.resolve("<b>&\"x\".txt"), "odd");
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>index</p>");
        Files.createDirectories(root.resolve("empty dir"));
        try {
            Files.createSymbolicLink(root.resolve("out.txt"), tmp.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("outdir"), tmp);
            Files.createSymbolicLink(root.resolve("in.txt"), root.resolve("hello.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            // no symlinks on this file system: those cases then just get 404 anyway
        }
        server = HttpServer.builder().get("/files/", StaticFiles.of(root)).start();
        etag = "\"" + Long.toHexString(11) + "-" + Long.toHexString(Instant.parse("2024-01-02T03:04:05Z").toEpochMilli()) + "\"";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String get(String path, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return ServerRaw.sendAndReadToClose(server.address(), sb.append("\r\n").toString());
    }

    @Test
    void servesAFileWithTypeAndValidators() throws IOException {
        String r = get("/files/hello.txt");
        assertThat(r).startsWith("HTTP/1.1 200 ").contains("Content-Type: text/plain; charset=utf-8", "Content-Length: 11",
                "ETag: " + etag, "Last-Modified: Tue, 02 Jan 2024 03:04:05 GMT", "Accept-Ranges: bytes").endsWith("\r\n\r\nhello world");
        assertThat(get("/files/data.bin")).contains("Content-Type: application/octet-stream");
        assertThat(get("/files/in.txt")).startsWith("HTTP/1.1 200 ").endsWith("hello world");
    }

    @Test
    void aFileAskedForAsADirectoryIs404() throws IOException {
        // as nginx and Python's http.server: "hello.txt/" names a directory that does not exist
        assertThat(get("/files/hello.txt/")).startsWith("HTTP/1.1 404 ");
        assertThat(get("/files/hello.txt")).startsWith("HTTP/1.1 200 ");
        assertThat(get("/files/hello.txt/")).as("not served from the cache either").startsWith("HTTP/1.1 404 ");
        assertThat(get("/files/site/")).startsWith("HTTP/1.1 200 ").endsWith("<p>index</p>");
    }

    @Test
    void headGivesTheSameHeadWithoutBody() throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "HEAD /files/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").contains("Content-Length: 11").endsWith("\r\n\r\n");
    }

    @Test
    void conditionalRequestsGet304() throws IOException {
        assertThat(get("/files/hello.txt", "If-None-Match: \"zz\", " + etag)).startsWith("HTTP/1.1 304 ").contains("ETag: " + etag).endsWith("\r\n\r\n");
        assertThat(get("/files/hello.txt", "If-None-Match: W/" + etag)).startsWith("HTTP/1.1 304 ");
        assertThat(get("/files/hello.txt", "If-None-Match: \"other\"")).startsWith("HTTP/1.1 200 ");
        assertThat(get("/files/hello.txt", "If-Modified-Since: Tue, 02 Jan 2024 03:04:05 GMT")).startsWith("HTTP/1.1 304 ");
        assertThat(get("/files/hello.txt", "If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT")).startsWith("HTTP/1.1 200 ");
        assertThat(get("/files/hello.txt", "If-Modified-Since: garbage")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void singleRangesGet206And416() throws IOException {
        assertThat(get("/files/data.bin", "Range: bytes=2-4")).startsWith("HTTP/1.1 206 ").contains("Content-Range: bytes 2-4/10", "Content-Length: 3");
        assertThat(get("/files/hello.txt", "Range: bytes=-5")).startsWith("HTTP/1.1 206 ").endsWith("world");
        assertThat(get("/files/hello.txt", "Range: bytes=6-")).endsWith("\r\n\r\nworld");
        assertThat(get("/files/hello.txt", "Range: bytes=20-")).startsWith("HTTP/1.1 416 ").contains("Content-Range: bytes */11");
        assertThat(get("/files/hello.txt", "Range: bytes=6-99999999999999999999")).startsWith("HTTP/1.1 206 ")
                .contains("Content-Range: bytes 6-10/11").endsWith("\r\n\r\nworld");
        assertThat(get("/files/hello.txt", "Range: bytes=99999999999999999999-")).startsWith("HTTP/1.1 416 ");
        assertThat(get("/files/hello.txt", "Range: bytes=-99999999999999999999")).startsWith("HTTP/1.1 206 ").endsWith("hello world");
        assertThat(get("/files/hello.txt", "Range: bytes=0-1,4-5")).startsWith("HTTP/1.1 206 ")
                .contains("Content-Type: multipart/byteranges; boundary="); // MultiRangeTest has the details
        assertThat(get("/files/hello.txt", "Range: lines=1-2")).startsWith("HTTP/1.1 200 ");
        assertThat(get("/files/hello.txt", "Range: bytes=0-4", "If-Range: " + etag)).startsWith("HTTP/1.1 206 ").endsWith("hello");
        assertThat(get("/files/hello.txt", "Range: bytes=0-4", "If-Range: \"old\"")).startsWith("HTTP/1.1 200 ").endsWith("hello world");
        assertThat(get("/files/hello.txt", "Range: bytes=0-4", "If-Range: Tue, 02 Jan 2024 03:04:05 GMT")).startsWith("HTTP/1.1 206 ");
    }

    @Test
    void directoriesRedirectServeIndexAndList() throws IOException {
        assertThat(get("/files/site")).startsWith("HTTP/1.1 301 ").contains("Location: /files/site/");
        assertThat(get("/files/site/")).contains("Content-Type: text/html; charset=utf-8").endsWith("<p>index</p>");
        String html = get("/files/");
        assertThat(html).contains("&lt;b&gt;&amp;&quot;x&quot;.txt", "href=\"%3Cb%3E&amp;%22x%22.txt\"", "href=\"empty%20dir/\"", "hello.txt")
                .doesNotContain("<b>&").doesNotContain("out.txt").doesNotContain("outdir");
        String json = get("/files/?format=json");
        assertThat(json).contains("Content-Type: application/json", "{\"name\":\"<b>&\\\"x\\\".txt\",\"type\":\"file\",\"size\":3",
                "{\"name\":\"site\",\"type\":\"directory\"");
        assertThat(get("/files/", "Accept: application/json")).contains("\"name\":\"hello.txt\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/..%2fsecret.txt", "/files/%2e%2e%2fsecret.txt", "/files/..%5csecret.txt", "/files/..\\secret.txt",
        "/files/out.txt", "/files/outdir/secret.txt", "/files/nothing", "/files/hello.txt%00.png", "/files/../secret.txt",
        "/files/%2e%2e/secret.txt", "/files/./../secret.txt", "/files//..//secret.txt", "/files/C:%5csecret.txt"})
    void neverServesOutsideTheRoot(String path) throws IOException {
        String r = get(path);
        assertThat(r).matches("(?s)HTTP/1\\.1 40[04] .*").doesNotContain("TOPSECRET");
    }

    @Test
    void onlyGetAndHead() throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "POST /files/hello.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 405 ").contains("Allow: GET, HEAD");
    }

    @Test
    void jdkClientDownloadsAndResumes() throws Exception {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        var r = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "files/data.bin")).header("Range", "bytes=5-").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).containsExactly(5, 6, 7, 8, 9);
        var t = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "files/hello.txt")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(t.body()).isEqualTo("hello world");
    }
}
