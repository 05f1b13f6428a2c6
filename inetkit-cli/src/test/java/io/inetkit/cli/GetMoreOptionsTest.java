package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get --resolve, -e, -r, --fail-with-body, --create-dirs, --output-dir, --retry-delay, --retry-max-time}. */
@Timeout(30)
class GetMoreOptionsTest {
    static final String DIGITS = "0123456789";
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/host", ex -> respond(ex, 200, "host: " + ex.getRequestHeaders().getFirst("Host")))
                .handle("/ref", ex -> {
                    String referer = ex.getRequestHeaders().getFirst("Referer");
                    respond(ex, 200, "referer: " + (referer == null ? "none" : referer));
                })
                .handle("/to-ref", ex -> {
                    ex.getResponseHeaders().set("Location", "/ref");
                    respond(ex, 302, "");
                })
                .handle("/range", ex -> { // honours one bytes=FIRST-LAST range
                    String range = ex.getRequestHeaders().getFirst("Range");
                    if (range == null) {
                        respond(ex, 200, DIGITS);
                        return;
                    }
                    int[] fl = Arrays.stream(range.substring("bytes=".length()).split("-")).mapToInt(Integer::parseInt).toArray();
                    ex.getResponseHeaders().set("Content-Range", "bytes " + fl[0] + "-" + fl[1] + "/" + DIGITS.length());
                    respond(ex, 206, DIGITS.substring(fl[0], fl[1] + 1));
                })
                .handle("/no-range", ex -> respond(ex, 200, DIGITS))
                .handle("/missing", ex -> respond(ex, 404, "not found here"))
                .handle("/file", ex -> respond(ex, 200, "content"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int port() {
        String url = server.url("/");
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
    }

    @Test
    void resolvePinsTheHostAndKeepsItsName() {
        int port = port();
        CliRun r = run("get", "--resolve", "pinned.invalid:" + port + ":127.0.0.1", "http://pinned.invalid:" + port + "/host");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("host: pinned.invalid:" + port);
        CliRun any = run("get", "--resolve", "*:" + port + ":127.0.0.1", "http://other.invalid:" + port + "/host");
        assertThat(any.out()).isEqualTo("host: other.invalid:" + port);
    }

    @Test
    void resolveForAnotherPortIsNotUsed() {
        // 192.0.2.1 (TEST-NET) would not answer: the pin is for port 1 only, so localhost resolves as usual
        CliRun r = run("get", "--resolve", "localhost:1:192.0.2.1", "http://localhost:" + port() + "/host");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("host: localhost:" + port());
    }

    @Test
    void resolveSyntaxErrorsAreUsageErrors() {
        for (String bad : List.of("pinned.invalid:80", "pinned.invalid:x:127.0.0.1", "h:80:not-an-address", ":80:127.0.0.1")) {
            CliRun r = run("get", "--resolve", bad, server.url("/host"));
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--resolve");
        }
    }

    @Test
    void refererIsSent() {
        assertThat(run("get", "-e", "http://start.example/page", server.url("/ref")).out())
                .isEqualTo("referer: http://start.example/page");
        // without ;auto the same Referer goes to every hop, as in curl
        assertThat(run("get", "-L", "--referer", "http://start.example/", server.url("/to-ref")).out())
                .isEqualTo("referer: http://start.example/");
    }

    @Test
    void refererAutoNamesThePreviousUrlOnRedirects() {
        String from = server.url("/to-ref?x=1").replace("http://", "http://user:pw@") + "#frag";
        assertThat(run("get", "-L", "-e", "http://start.example/;auto", from).out())
                .isEqualTo("referer: " + server.url("/to-ref?x=1")); // no user info, no fragment
        assertThat(run("get", "-e", ";auto", server.url("/ref")).out()).isEqualTo("referer: none");
    }

    @Test
    void rangeAsksForPartAndA200IsWrittenWhole() {
        CliRun part = run("get", "-r", "2-5", "-w", " %{http_code}", server.url("/range"));
        assertThat(part.code()).isZero();
        assertThat(part.out()).isEqualTo("2345 206");
        CliRun whole = run("get", "--range", "2-5", "-w", " %{http_code}", server.url("/no-range"));
        assertThat(whole.code()).isZero();
        assertThat(whole.out()).isEqualTo(DIGITS + " 200");
    }

    @Test
    void badRangesAreUsageErrors() {
        for (String bad : List.of("abc", "5", "-", "1-2,-", "bytes=1-2")) {
            CliRun r = run("get", "-r", bad, server.url("/range"));
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("invalid range");
        }
        CliRun both = run("get", "-r", "1-2", "-C", "-", "-o", dir.resolve("x").toString(), server.url("/range"));
        assertThat(both.code()).isEqualTo(2);
    }

    @Test
    void failWithBodyWritesTheBodyAndExits22() {
        CliRun r = run("get", "--fail-with-body", server.url("/missing"));
        assertThat(r.code()).isEqualTo(22);
        assertThat(r.out()).isEqualTo("not found here");
        assertThat(r.err()).isEqualTo("inet: the requested URL returned error: 404 Not Found\n");
        assertThat(run("get", "--fail-with-body", server.url("/file")).code()).isZero();
        assertThat(run("get", "-f", "--fail-with-body", server.url("/file")).code()).isEqualTo(2);
    }

    @Test
    void outputDirAndCreateDirs() throws IOException {
        Path out = dir.resolve("a/b");
        CliRun missing = run("get", "--output-dir", out.toString(), "-o", "f.txt", server.url("/file"));
        assertThat(missing.code()).isEqualTo(23);
        assertThat(missing.err()).startsWith("inet: could not open").contains("no such directory");

        CliRun made = run("get", "--output-dir", out.toString(), "--create-dirs", "-o", "c/f.txt", server.url("/file"));
        assertThat(made.code()).isZero();
        assertThat(Files.readString(out.resolve("c/f.txt"))).isEqualTo("content");

        CliRun remote = run("get", "--output-dir", out.toString(), "-O", server.url("/file"));
        assertThat(remote.code()).isZero();
        assertThat(Files.readString(out.resolve("file"))).isEqualTo("content");

        Path deep = dir.resolve("x/y/z.txt");
        assertThat(run("get", "--create-dirs", "-o", deep.toString(), server.url("/file")).code()).isZero();
        assertThat(Files.readString(deep)).isEqualTo("content");
    }

    @Test
    void retryDelayWaitsTheGivenTimeBetweenAttempts() throws IOException {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        try (TestHttpServer flaky = TestHttpServer.http().handle("/", ex -> {
            attempts.add(System.nanoTime());
            respond(ex, attempts.size() == 1 ? 503 : 200, attempts.size() == 1 ? "busy" : "done");
        })) {
            CliRun r = run("get", "--retry", "2", "--retry-delay", "0.7", flaky.url("/"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("done");
            assertThat(attempts).hasSize(2);
            // the default backoff would start at 0.5 s
            assertThat(attempts.get(1) - attempts.get(0)).isGreaterThanOrEqualTo(700_000_000L);
        }
    }

    @Test
    void retryMaxTimeStopsRetriesThatWouldEndTooLate() throws IOException {
        AtomicInteger count = new AtomicInteger();
        try (TestHttpServer busy = TestHttpServer.http().handle("/", ex -> {
            count.incrementAndGet();
            respond(ex, 503, "busy".getBytes(StandardCharsets.US_ASCII));
        })) {
            CliRun r = run("get", "--retry", "5", "--retry-delay", "5", "--retry-max-time", "1", "-w", "%{http_code}",
                    busy.url("/"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("busy503");
            assertThat(count.get()).isEqualTo(1);
        }
    }
}
