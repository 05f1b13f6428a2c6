package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The open-file cache of StaticFiles: used within its validity, checked again after it, bounded, never a way out of the root. */
@Timeout(30)
class StaticFilesCacheTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private HttpServer server;
    private StaticFiles files;
    private Path root;

    private void start(StaticFiles.Builder b) throws IOException {
        files = b.clock(now::get).build();
        server = HttpServer.builder().get("/", files).start();
    }

    private void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        start(StaticFiles.builder(root));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String get(String path, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return ServerRaw.sendAndReadToClose(server.address(), sb.append("\r\n").toString());
    }

    private byte[] download(String path) throws Exception {
        try (java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient()) {
            var r = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + path.substring(1))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }

    private void write(Path file, String text, Instant mtime) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
    }

    @Test
    void aChangedFileIsSeenAfterTheValidityPeriodNotBefore() throws IOException {
        start();
        Path f = root.resolve("a.txt");
        write(f, "first", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(get("/a.txt")).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nfirst");
        write(f, "second!", Instant.parse("2024-01-01T00:00:10Z"));
        now.addAndGet(SECOND / 2);
        assertThat(get("/a.txt")).as("within the period the cached answer is used").endsWith("\r\n\r\nfirst");
        now.addAndGet(SECOND);
        String r = get("/a.txt");
        assertThat(r).endsWith("\r\n\r\nsecond!").contains("Content-Length: 7", "Last-Modified: Mon, 01 Jan 2024 00:00:10 GMT");
    }

    @Test
    void sameSizeNewerTimeIsANewFile() throws IOException {
        start();
        Path f = root.resolve("b.txt");
        write(f, "aaaa", Instant.parse("2024-01-01T00:00:00Z"));
        String first = get("/b.txt");
        write(f, "bbbb", Instant.parse("2024-01-01T00:00:01Z"));
        now.addAndGet(2 * SECOND);
        String second = get("/b.txt");
        assertThat(second).endsWith("bbbb");
        assertThat(etagOf(second)).isNotEqualTo(etagOf(first));
    }

    private static String etagOf(String response) {
        return response.lines().filter(l -> l.startsWith("ETag: ")).findFirst().orElseThrow();
    }

    @Test
    void aDeletedFileGets404AfterThePeriod() throws IOException {
        start();
        Path f = root.resolve("gone.txt");
        write(f, "here", Instant.now());
        assertThat(get("/gone.txt")).startsWith("HTTP/1.1 200 ");
        Files.delete(f);
        now.addAndGet(2 * SECOND);
        assertThat(get("/gone.txt")).startsWith("HTTP/1.1 404 ");
        assertThat(files.cache().size()).isZero();
    }

    @Test
    void zeroValidityChecksEveryRequest() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        start(StaticFiles.builder(root).cacheValidity(Duration.ZERO));
        Path f = root.resolve("c.txt");
        write(f, "one", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(get("/c.txt")).endsWith("one");
        write(f, "two!", Instant.parse("2024-01-01T00:00:05Z"));
        assertThat(get("/c.txt")).endsWith("two!");
        Files.delete(f);
        assertThat(get("/c.txt")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void aLinkTurnedOutwardsIsNeverServedPastThePeriod() throws IOException {
        start();
        Files.writeString(tmp.resolve("secret.txt"), "TOPSECRET");
        write(root.resolve("public.txt"), "public", Instant.now());
        Path link = root.resolve("link.txt");
        try {
            Files.createSymbolicLink(link, root.resolve("public.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        assertThat(get("/link.txt")).endsWith("\r\n\r\npublic");
        Path swap = root.resolve("swap.tmp");
        Files.createSymbolicLink(swap, tmp.resolve("secret.txt"));
        Files.move(swap, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(get("/link.txt")).as("within the period: the file checked before, not the new target").endsWith("public")
                .doesNotContain("TOPSECRET");
        now.addAndGet(2 * SECOND);
        assertThat(get("/link.txt")).startsWith("HTTP/1.1 404 ").doesNotContain("TOPSECRET");
    }

    @Test
    void aDirectoryTurnedIntoAnOutwardLinkIsNeverServedPastThePeriod() throws IOException {
        start();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        byte[] secret = new byte[100_000]; // large: sent from disk, not from memory
        java.util.Arrays.fill(secret, (byte) 'S');
        Files.write(outside.resolve("big.bin"), secret);
        Path dir = Files.createDirectories(root.resolve("dir"));
        Files.write(dir.resolve("big.bin"), new byte[100_000]);
        assertThat(get("/dir/big.bin")).startsWith("HTTP/1.1 200 ").doesNotContain("SSSS");
        Files.delete(dir.resolve("big.bin"));
        Files.delete(dir);
        try {
            Files.createSymbolicLink(dir, outside);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        now.addAndGet(2 * SECOND);
        assertThat(get("/dir/big.bin")).startsWith("HTTP/1.1 404 ").doesNotContain("SSSS");
    }

    @Test
    void largeFilesLeaveWholeFromTheCachedHeadAndSmallOnesFromMemory() throws Exception {
        start();
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        byte[] small = new byte[60_000];
        new Random(2).nextBytes(small);
        Files.write(root.resolve("small.bin"), small);
        for (int i = 0; i < 3; i++) {
            assertThat(download("/big.bin")).isEqualTo(big);
            assertThat(download("/small.bin")).isEqualTo(small);
        }
        assertThat(files.cache().contentBytes()).isEqualTo(small.length);
        assertThat(files.cache().mappings()).isEqualTo(1);
        try (java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient()) {
            var r = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "big.bin")).header("Range", "bytes=100000-100009").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(206);
            assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 100_000, 100_010));
        }
        String head = ServerRaw.sendAndReadToClose(server.address(), "HEAD /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200 ").contains("Content-Length: 300000", "Content-Type: application/octet-stream")
                .endsWith("\r\n\r\n");
        String range = get("/small.bin", "Range: bytes=59998-");
        assertThat(range).startsWith("HTTP/1.1 206 ").contains("Content-Range: bytes 59998-59999/60000", "Content-Length: 2");
    }

    @Test
    void aMappedFileLeavesPartlyBySendfileFromAnyOffsetAndWhole() throws Exception {
        start();
        byte[] big = new byte[1_000_003]; // odd: no piece ends on a page or segment boundary
        new Random(3).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        assertThat(download("/big.bin")).isEqualTo(big);
        assertThat(files.cache().mappings()).isEqualTo(1);
        try (java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient()) {
            for (int[] r : new int[][] {{1, 999_999}, {65_535, 700_000}, {200_001, 1_000_002}}) {
                var response = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "big.bin"))
                        .header("Range", "bytes=" + r[0] + "-" + r[1]).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(206);
                assertThat(response.body()).isEqualTo(java.util.Arrays.copyOfRange(big, r[0], r[1] + 1));
            }
        }
    }

    @Test
    void aMappedFileReplacedWithinThePeriodIsSentWholeFromTheOldContentNeverMixed() throws Exception {
        start();
        Path f = root.resolve("swap.bin");
        byte[] before = new byte[500_000];
        java.util.Arrays.fill(before, (byte) 'o');
        Files.write(f, before);
        FileTime mtime = Files.getLastModifiedTime(f);
        assertThat(download("/swap.bin")).isEqualTo(before);
        // same size and time, another file (inode) renamed over it: sendfile would read the new one
        byte[] after = new byte[500_000];
        java.util.Arrays.fill(after, (byte) 'n');
        Path fresh = Files.write(root.resolve("swap.tmp"), after);
        Files.setLastModifiedTime(fresh, mtime);
        Files.move(fresh, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(download("/swap.bin")).as("still trusted within the period: the mapped content, all of it").isEqualTo(before);
        now.addAndGet(2 * SECOND);
        assertThat(download("/swap.bin")).isEqualTo(after);
    }

    @Test
    void conditionalRequestsAndHandlerHeadersStillApplyToCachedFiles() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        files = StaticFiles.builder(root).clock(now::get).build();
        server = HttpServer.builder().get("/", (req, res) -> {
            res.header("Cache-Control", "max-age=60");
            files.handle(req, res);
        }).start();
        write(root.resolve("d.txt"), "dddd", Instant.parse("2024-01-01T00:00:00Z"));
        String first = get("/d.txt");
        assertThat(first).startsWith("HTTP/1.1 200 ").contains("Cache-Control: max-age=60", "Content-Length: 4").endsWith("dddd");
        String etag = etagOf(first).substring(6);
        assertThat(get("/d.txt", "If-None-Match: " + etag)).startsWith("HTTP/1.1 304 ").contains("Cache-Control: max-age=60");
        assertThat(get("/d.txt", "Range: bytes=1-2")).startsWith("HTTP/1.1 206 ").endsWith("\r\n\r\ndd");
    }

    @Test
    void aPeerThatStopsReadingAMappedFileIsCutOffAfterTheIdleTimeout() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("huge.bin"), new byte[16 << 20]);
        files = StaticFiles.builder(root).build();
        java.util.concurrent.CountDownLatch logged = new java.util.concurrent.CountDownLatch(1);
        server = HttpServer.builder().limits(HttpServerLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(300)))
                .accessLog(line -> logged.countDown()).get("/", files).start();
        try (java.net.Socket s = new java.net.Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(server.address());
            s.getOutputStream().write("GET /huge.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(logged.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the server gave up on the stalled write").isTrue();
            long got = 0;
            try {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
                    got += n;
                }
            } catch (IOException reset) {
                // the server closed with unread data: a reset is fine too
            }
            assertThat(got).isLessThan(16 << 20);
        }
    }

    @Test
    void aMappedFileCutShorterFailsOneResponseNotTheServer() throws Exception {
        start();
        Path f = root.resolve("shrinks.bin");
        Files.write(f, new byte[300_000]);
        assertThat(download("/shrinks.bin")).hasSize(300_000);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        // still trusted within the period: the write from the mapping fails (EFAULT, no signal),
        // the connection closes before the promised length, and the server goes on
        assertThat(get("/shrinks.bin").length()).isLessThan(300_000);
        now.addAndGet(2 * SECOND);
        assertThat(get("/shrinks.bin")).startsWith("HTTP/1.1 200 ").contains("Content-Length: 10");
    }

    @Test
    void theCacheStaysWithinItsBounds() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        start(StaticFiles.builder(root).cacheLimits(5, 2_500, 1_000));
        for (int i = 0; i < 20; i++) {
            Files.write(root.resolve(i + ".bin"), new byte[i < 10 ? 900 : 2_000]);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(get("/" + i + ".bin")).startsWith("HTTP/1.1 200 ").contains("Content-Length: " + (i < 10 ? 900 : 2000));
            assertThat(files.cache().size()).isLessThanOrEqualTo(5);
            assertThat(files.cache().contentBytes()).isLessThanOrEqualTo(2_500);
        }
    }

    @Test
    void indexFilesAreCachedAndRecheckedToo() throws IOException {
        start();
        Path site = Files.createDirectories(root.resolve("site"));
        write(site.resolve("index.html"), "<p>1</p>", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(get("/site/")).contains("Content-Type: text/html; charset=utf-8").endsWith("<p>1</p>");
        Files.delete(site.resolve("index.html"));
        now.addAndGet(2 * SECOND);
        assertThat(get("/site/")).startsWith("HTTP/1.1 200 ").contains("Index of").doesNotContain("<p>1</p>");
    }
}
