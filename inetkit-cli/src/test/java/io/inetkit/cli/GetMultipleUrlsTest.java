package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get URL1 URL2 ...}: curl's pairing of -o/-O with URLs, -w per transfer, exit codes, --fail-early. */
@Timeout(30)
class GetMultipleUrlsTest {
    static TestHttpServer server;
    /** "METHOD PATH from PORT" per request, in order. */
    static final List<String> requests = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/files/", ex -> {
                    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " from "
                            + ex.getRemoteAddress().getPort());
                    String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    respond(ex, 200, ex.getRequestURI().getPath().substring("/files/".length()) + body);
                })
                .handle("/set-cookie", ex -> {
                    ex.getResponseHeaders().set("Set-Cookie", "session=s1; Path=/");
                    respond(ex, 200, "set;");
                })
                .handle("/show-cookie", ex -> respond(ex, 200, "cookie: " + ex.getRequestHeaders().getFirst("Cookie")))
                .handle("/missing", ex -> {
                    requests.add("GET /missing");
                    respond(ex, 404, "not here");
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        requests.clear();
    }

    @Test
    void fetchesEachUrlInOrderOverOneConnectionAndWritesOutPerTransfer() {
        CliRun r = run("get", "-w", "[%{url_effective} %{http_code} %{num_connects}]",
                server.url("/files/a"), server.url("/files/b"), server.url("/files/c"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("a[" + server.url("/files/a") + " 200 1]b[" + server.url("/files/b") + " 200 0]c["
                + server.url("/files/c") + " 200 0]");
        assertThat(requests).hasSize(3);
        String port = requests.get(0).substring(requests.get(0).lastIndexOf(' '));
        assertThat(requests).allMatch(line -> line.endsWith(port)); // kept alive: one connection
    }

    @Test
    void eachOutputOptionIsForTheNextUrlAndTheRestGoToStdout() throws IOException {
        // -o a.txt is for the first URL, -O for the second; the third has none: stdout
        CliRun r = run("get", "--output-dir", dir.toString(), "-o", "a.txt", server.url("/files/one"),
                "-O", server.url("/files/two.txt"), server.url("/files/three"), "-w", "(%{filename_effective})");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("one");
        assertThat(Files.readString(dir.resolve("two.txt"))).isEqualTo("two.txt");
        assertThat(r.out()).isEqualTo("(" + dir.resolve("a.txt") + ")(" + dir.resolve("two.txt") + ")three()");
        // the options may also all come after the URLs, as in curl
        CliRun after = run("get", server.url("/files/x"), server.url("/files/y"), "-o", dir.resolve("x").toString(),
                "-o", dir.resolve("y").toString());
        assertThat(after.code()).isZero();
        assertThat(Files.readString(dir.resolve("x"))).isEqualTo("x");
        assertThat(Files.readString(dir.resolve("y"))).isEqualTo("y");
    }

    @Test
    void remoteNameAllSavesEveryUrlWithoutItsOwnOutput() throws IOException {
        CliRun r = run("get", "--remote-name-all", "--output-dir", dir.toString(), "-o", "-",
                server.url("/files/first"), server.url("/files/second"), server.url("/files/third"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("first"); // -o - keeps the first URL on stdout
        assertThat(Files.readString(dir.resolve("second"))).isEqualTo("second");
        assertThat(Files.readString(dir.resolve("third"))).isEqualTo("third");
        assertThat(Files.exists(dir.resolve("first"))).isFalse();
    }

    @Test
    void moreOutputsThanUrlsIsAUsageError() {
        CliRun r = run("get", "-o", dir.resolve("a").toString(), "-o", dir.resolve("b").toString(), server.url("/files/a"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("more -o/-O options (2) than URLs (1)");
        assertThat(requests).isEmpty();
    }

    @Test
    void theExitCodeIsTheLastTransfersAsInCurl() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closed + "/";
        CliRun okLast = run("get", "-w", "<%{exitcode}>", refused, server.url("/files/ok"));
        assertThat(okLast.code()).isZero();
        assertThat(okLast.out()).isEqualTo("<7>ok<0>");
        assertThat(okLast.err()).startsWith("inet: ").hasLineCount(1);
        assertThat(run("get", server.url("/files/ok"), refused).code()).isEqualTo(7);

        CliRun failedLast = run("get", "-f", server.url("/files/ok"), server.url("/missing"));
        assertThat(failedLast.code()).isEqualTo(22);
        assertThat(failedLast.out()).isEqualTo("ok");
        CliRun failedFirst = run("get", "-f", server.url("/missing"), server.url("/files/ok"));
        assertThat(failedFirst.code()).isZero(); // -f alone goes on with the next URL
        assertThat(failedFirst.out()).isEqualTo("ok");
        assertThat(failedFirst.err()).contains("404");
    }

    @Test
    void failEarlyStopsAtTheFirstFailure() {
        CliRun r = run("get", "-f", "--fail-early", "-w", "<%{http_code}>", server.url("/missing"), server.url("/files/ok"));
        assertThat(r.code()).isEqualTo(22);
        assertThat(r.out()).isEqualTo("<404>");
        assertThat(requests).containsExactly("GET /missing");
        // without -f a 404 is no failed transfer: --fail-early goes on
        CliRun notFailed = run("get", "--fail-early", server.url("/missing"), server.url("/files/ok"));
        assertThat(notFailed.code()).isZero();
        assertThat(notFailed.out()).isEqualTo("not hereok");
    }

    @Test
    void dumpHeaderKeepsEveryTransfersHeadsAndDataGoesToEveryUrl() throws IOException {
        Path heads = dir.resolve("heads.txt");
        Files.writeString(heads, "old content\n");
        CliRun r = run("get", "-D", heads.toString(), "-d", "=data", server.url("/files/a"), server.url("/files/b"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("a=datab=data"); // curl posts the same data to each URL
        String text = Files.readString(heads);
        assertThat(text).doesNotContain("old content");
        assertThat(text.split("HTTP/1.1 200", -1)).hasSize(3);
        assertThat(requests).allMatch(line -> line.startsWith("POST "));
    }

    @Test
    void cookiesSetByOneUrlGoToTheNext() throws IOException {
        Path jar = dir.resolve("jar.txt");
        CliRun r = run("get", "-c", jar.toString(), server.url("/set-cookie"), server.url("/show-cookie"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("set;cookie: session=s1");
        assertThat(Files.readString(jar)).contains("session\ts1"); // written once, at the end
    }

    @Test
    void continueAtNeedsAFileForEveryUrlAndUploadTakesOneUrl() {
        CliRun r = run("get", "-C", "-", "-o", dir.resolve("a").toString(), server.url("/files/a"), server.url("/files/b"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-C - needs -o FILE or -O for every URL");
        CliRun upload = run("get", "-T", dir.resolve("a").toString(), server.url("/files/a"), server.url("/files/b"));
        assertThat(upload.code()).isEqualTo(2);
        assertThat(requests).isEmpty();
    }
}
