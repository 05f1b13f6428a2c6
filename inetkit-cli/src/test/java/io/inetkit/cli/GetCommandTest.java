package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get} against the JDK's HTTP server on loopback: curl's options. */
@Timeout(30)
class GetCommandTest {
    static final byte[] BINARY = new byte[256];
    static final String RANGE_CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
        server = TestHttpServer.http()
                .handle("/hello", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    if (ex.getRequestMethod().equals("HEAD")) {
                        ex.getResponseHeaders().set("Content-Length", "11");
                        ex.sendResponseHeaders(200, -1);
                        ex.close();
                    } else {
                        respond(ex, 200, "hello world");
                    }
                })
                .handle("/bin", ex -> respond(ex, 200, BINARY))
                .handle("/echo", GetCommandTest::echo)
                .handle("/redirect/", ex -> {
                    int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/redirect/".length()));
                    if (n == 0) {
                        respond(ex, 200, "landed");
                    } else {
                        ex.getResponseHeaders().set("Location", "/redirect/" + (n - 1));
                        respond(ex, 302, "moved");
                    }
                })
                .handle("/status/404", ex -> respond(ex, 404, "not found here"))
                .handle("/auth", ex -> {
                    String expected = "Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
                    if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                        respond(ex, 200, "welcome ann");
                    } else {
                        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"t\"");
                        respond(ex, 401, "who are you");
                    }
                })
                .handle("/digest", ex -> {
                    String auth = ex.getRequestHeaders().getFirst("Authorization");
                    if (auth != null && auth.startsWith("Digest ") && auth.contains("username=\"ann\"")
                            && auth.contains("nonce=\"n1\"")) {
                        respond(ex, 200, "digest ok");
                    } else {
                        ex.getResponseHeaders().set("WWW-Authenticate", "Digest realm=\"t\", nonce=\"n1\", qop=\"auth\"");
                        respond(ex, 401, "who are you");
                    }
                })
                .handle("/range", GetCommandTest::range)
                .handle("/gzip", ex -> {
                    String ae = ex.getRequestHeaders().getFirst("Accept-Encoding");
                    if (ae != null && ae.contains("gzip")) {
                        ByteArrayOutputStream z = new ByteArrayOutputStream();
                        try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
                            gz.write("squeezed text".getBytes(StandardCharsets.UTF_8));
                        }
                        ex.getResponseHeaders().set("Content-Encoding", "gzip");
                        respond(ex, 200, z.toByteArray());
                    } else {
                        respond(ex, 200, "plain text");
                    }
                })
                .handle("/files/", ex -> respond(ex, 200, "file " + ex.getRequestURI().getPath()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Answers with the method, a few request headers and the body. */
    private static void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        StringBuilder sb = new StringBuilder(ex.getRequestMethod()).append(' ').append(ex.getRequestURI()).append('\n');
        for (String h : new String[] {"Content-Type", "Accept", "X-Test", "User-Agent", "Accept-Encoding"}) {
            sb.append(h).append(": ").append(ex.getRequestHeaders().getFirst(h)).append('\n');
        }
        sb.append('\n').append(new String(body, StandardCharsets.UTF_8));
        respond(ex, 200, sb.toString());
    }

    /** Serves RANGE_CONTENT, honouring {@code Range: bytes=N-}. */
    private static void range(HttpExchange ex) throws IOException {
        byte[] all = RANGE_CONTENT.getBytes(StandardCharsets.US_ASCII);
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range == null) {
            respond(ex, 200, all);
            return;
        }
        int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        if (from >= all.length) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + all.length);
            respond(ex, 416, "");
            return;
        }
        ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
        byte[] rest = java.util.Arrays.copyOfRange(all, from, all.length);
        ex.sendResponseHeaders(206, rest.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(rest);
        }
    }

    @Test
    void bodyGoesToStdoutBinarySafe() {
        CliRun r = run("get", server.url("/bin"));
        assertThat(r.code()).isZero();
        assertThat(r.stdout()).isEqualTo(BINARY);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void urlWithoutSchemeIsHttp() {
        assertThat(run("get", server.url("/hello").substring("http://".length())).out()).isEqualTo("hello world");
    }

    @Test
    void outputDashIsStdout() {
        assertThat(run("get", "-o", "-", server.url("/hello")).out()).isEqualTo("hello world");
    }

    @Test
    void outputFileAndRemoteName() throws IOException {
        Path file = dir.resolve("out.bin");
        CliRun r = run("get", "-o", file.toString(), server.url("/bin"));
        assertThat(r.code()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(BINARY);

        String name = "inet-get-test-" + ProcessHandle.current().pid() + ".txt";
        Path remote = Path.of(name);
        try {
            CliRun o = run("get", "-O", server.url("/files/" + name));
            assertThat(o.code()).isZero();
            assertThat(Files.readString(remote)).isEqualTo("file /files/" + name);
        } finally {
            Files.deleteIfExists(remote);
        }
        CliRun noName = run("get", "-O", server.url("/files/"));
        assertThat(noName.code()).isEqualTo(23);
        assertThat(noName.err()).startsWith("inet: ").contains("-O");
    }

    @Test
    void includeAndHead() {
        CliRun i = run("get", "-i", server.url("/hello"));
        assertThat(i.code()).isZero();
        assertThat(i.out()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-type: text/plain\r\n")
                .endsWith("\r\n\r\nhello world");
        CliRun head = run("get", "-I", server.url("/hello"));
        assertThat(head.code()).isZero();
        assertThat(head.out()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n").doesNotContain("hello world");
    }

    @Test
    void redirectsAreFollowedOnlyWithLocation() {
        CliRun plain = run("get", "-w", "%{http_code} %{num_redirects}", server.url("/redirect/2"));
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).isEqualTo("moved302 0");
        CliRun follow = run("get", "-L", "-w", "\\n%{http_code} %{num_redirects} %{url_effective}", server.url("/redirect/2"));
        assertThat(follow.code()).isZero();
        assertThat(follow.out()).isEqualTo("landed\n200 2 " + server.url("/redirect/0"));
        CliRun heads = run("get", "-iL", server.url("/redirect/1"));
        assertThat(heads.out()).startsWith("HTTP/1.1 302 ").contains("\r\n\r\nHTTP/1.1 200 OK\r\n")
                .endsWith("\r\n\r\nlanded");
        CliRun tooMany = run("get", "-L", "--max-redirs", "1", server.url("/redirect/3"));
        assertThat(tooMany.code()).isEqualTo(47);
        assertThat(tooMany.err()).startsWith("inet: ").contains("redirect");
    }

    @Test
    void failGivesExit22AndNoBody() {
        CliRun r = run("get", "-f", "-w", "%{http_code}", server.url("/status/404"));
        assertThat(r.code()).isEqualTo(22);
        assertThat(r.out()).isEqualTo("404");
        assertThat(r.err()).startsWith("inet: ").contains("404").doesNotContain("\tat ");
        Path notCreated = dir.resolve("not-created");
        assertThat(run("get", "-f", "-o", notCreated.toString(), server.url("/status/404")).code()).isEqualTo(22);
        assertThat(notCreated).doesNotExist();
        CliRun withoutFail = run("get", server.url("/status/404"));
        assertThat(withoutFail.code()).isZero();
        assertThat(withoutFail.out()).isEqualTo("not found here");
        CliRun silent = run("get", "-sf", server.url("/status/404"));
        assertThat(silent.code()).isEqualTo(22);
        assertThat(silent.err()).isEmpty();
        assertThat(run("get", "-sSf", server.url("/status/404")).err()).contains("404");
    }

    @Test
    void dataPostsFormEncoded(@TempDir Path tmp) throws IOException {
        CliRun r = run("get", "-d", "a=1", "-d", "b=2", server.url("/echo"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("POST /echo\n").contains("Content-Type: application/x-www-form-urlencoded\n")
                .endsWith("\n\na=1&b=2");
        Path data = Files.writeString(tmp.resolve("data.txt"), "x=1\r\ny=2\n");
        assertThat(run("get", "-d", "@" + data, server.url("/echo")).out()).endsWith("\n\nx=1y=2");
        assertThat(run("get", "--data-binary", "@" + data, server.url("/echo")).out()).endsWith("\n\nx=1\r\ny=2\n");
    }

    @Test
    void jsonHeadersAndMethod() {
        CliRun json = run("get", "--json", "{\"a\":1}", server.url("/echo"));
        assertThat(json.out()).startsWith("POST /echo\n").contains("Content-Type: application/json\n")
                .contains("Accept: application/json\n").endsWith("\n\n{\"a\":1}");
        CliRun custom = run("get", "-X", "PATCH", "-H", "X-Test: yes", "-H", "Content-Type: text/x-mine",
                "-A", "tester/1", "-d", "z", server.url("/echo"));
        assertThat(custom.out()).startsWith("PATCH /echo\n").contains("X-Test: yes\n")
                .contains("Content-Type: text/x-mine\n").contains("User-Agent: tester/1\n");
        assertThat(run("get", "-X", "DELETE", server.url("/echo")).out()).startsWith("DELETE /echo\n");
    }

    @Test
    void userSendsBasicCredentials() {
        CliRun ok = run("get", "-u", "ann:s3cret", server.url("/auth"));
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).isEqualTo("welcome ann");
        assertThat(run("get", "-u", "ann:wrong", "-w", " %{http_code}", server.url("/auth")).out()).endsWith(" 401");
    }

    @Test
    void digestAnswersTheChallenge() {
        CliRun r = run("get", "--digest", "-u", "ann:s3cret", server.url("/digest"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("digest ok");
        assertThat(run("get", "-u", "ann:s3cret", "-w", " %{http_code}", server.url("/digest")).out()).endsWith(" 401");
        assertThat(run("get", "--digest", server.url("/digest")).code()).isEqualTo(2);
    }

    @Test
    void verboseShowsTheWireWithSecretsMasked() {
        CliRun r = run("get", "-v", "-u", "ann:s3cret", server.url("/auth"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("> GET /auth HTTP/1.1").contains("> Authorization: Basic ****")
                .contains("< HTTP/1.1 200 OK").doesNotContain("s3cret")
                .doesNotContain(Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.out()).isEqualTo("welcome ann");
    }

    @Test
    void continueResumesAPartialFile() throws IOException {
        Path file = Files.writeString(dir.resolve("part.txt"), RANGE_CONTENT.substring(0, 10));
        CliRun r = run("get", "-C", "-", "-o", file.toString(), "-w", "%{http_code} %{size_download}", server.url("/range"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("206 " + (RANGE_CONTENT.length() - 10));
        assertThat(Files.readString(file)).isEqualTo(RANGE_CONTENT);
        CliRun again = run("get", "-C", "-", "-o", file.toString(), server.url("/range"));
        assertThat(again.code()).isZero();
        assertThat(Files.readString(file)).isEqualTo(RANGE_CONTENT);
        assertThat(run("get", "-C", "-", server.url("/range")).code()).isEqualTo(2);
        Path other = Files.writeString(dir.resolve("other.txt"), "stale content");
        CliRun ignored = run("get", "-C", "-", "-o", other.toString(), server.url("/hello"));
        assertThat(ignored.code()).isZero();
        assertThat(Files.readString(other)).as("a 200 to a range request replaces the file").isEqualTo("hello world");
        Path kept = Files.writeString(dir.resolve("kept.txt"), "partial");
        CliRun refused = run("get", "-C", "-", "-o", kept.toString(), server.url("/status/404"));
        assertThat(refused.code()).isEqualTo(33);
        assertThat(refused.err()).startsWith("inet: cannot resume").contains("404");
        assertThat(Files.readString(kept)).isEqualTo("partial");
    }

    @Test
    void compressedAsksForGzipAndDecodes() {
        assertThat(run("get", "--compressed", server.url("/gzip")).out()).isEqualTo("squeezed text");
        assertThat(run("get", server.url("/gzip")).out()).isEqualTo("plain text");
    }

    @Test
    void includeAndDumpHeaderShowTheHeadersAsReceivedWhenDecoding() throws IOException {
        CliRun i = run("get", "-i", "--compressed", server.url("/gzip"));
        assertThat(i.code()).isZero();
        // curl shows the wire head: the encoding and the compressed length, then the decoded body
        assertThat(i.out()).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("Content-encoding: gzip\r\n")
                .containsPattern("(?i)Content-length: (\\d+)\r\n").endsWith("\r\n\r\nsqueezed text");
        String length = i.out().replaceAll("(?is).*content-length: (\\d+)\r\n.*", "$1");
        assertThat(Integer.parseInt(length)).isNotEqualTo("squeezed text".length());

        Path heads = dir.resolve("heads.txt");
        CliRun d = run("get", "-D", heads.toString(), "-L", "--compressed", server.url("/redirect/1"));
        assertThat(d.code()).isZero();
        assertThat(d.out()).isEqualTo("landed");
        assertThat(Files.readString(heads)).as(Files.readString(heads)).startsWith("HTTP/1.1 302 ").contains("\r\n\r\nHTTP/1.1 200 OK\r\n")
                .endsWith("\r\n\r\n");

        CliRun toStdout = run("get", "-D", "-", "--compressed", server.url("/gzip"));
        assertThat(toStdout.out()).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("Content-encoding: gzip\r\n")
                .endsWith("\r\n\r\nsqueezed text");
    }

    @Test
    void writeOutVariables() {
        CliRun r = run("get", "-s", "-o", dir.resolve("x").toString(), "-w",
                "%{http_code}|%{size_download}|%{content_type}|%{exitcode}|%{time_total}|%{bogus}%%\\n",
                server.url("/hello"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("200\\|11\\|text/plain\\|0\\|\\d+\\.\\d{6}\\|%\n");
        assertThat(r.err()).contains("unknown --write-out variable: 'bogus'");
    }

    @Test
    void uploadFileIsAPut() throws IOException {
        Path up = Files.writeString(dir.resolve("up.txt"), "uploaded content");
        CliRun r = run("get", "-T", up.toString(), server.url("/echo"));
        assertThat(r.out()).startsWith("PUT /echo\n").endsWith("\n\nuploaded content");
        CliRun slash = run("get", "-T", up.toString(), server.url("/echo/"));
        assertThat(slash.out()).startsWith("PUT /echo/up.txt\n");
    }

    @Test
    void fileUrlsAreReadLikeCurl() throws IOException {
        Path f = Files.write(dir.resolve("local.bin"), BINARY);
        CliRun r = run("get", "-w", "%{size_download}", f.toUri().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(java.util.Arrays.copyOf(r.stdout(), BINARY.length)).isEqualTo(BINARY);
        assertThat(new String(r.stdout(), BINARY.length, r.stdout().length - BINARY.length, StandardCharsets.US_ASCII))
                .isEqualTo("256");
        assertThat(run("get", dir.toUri().toString()).out()).isEqualTo("local.bin\n");
        CliRun missing = run("get", dir.resolve("nothing").toUri().toString());
        assertThat(missing.code()).isEqualTo(37);
        assertThat(missing.err()).startsWith("inet: ").contains("no such file");
        assertThat(run("get", dir.toUri() + "a/../../etc/passwd").code()).isEqualTo(37);
    }

    @Test
    void usageErrors() {
        assertThat(run("get", "ftp://example.org/").code()).isEqualTo(2);
        assertThat(run("get", "-o", "a", "-O", server.url("/hello")).code()).isEqualTo(2);
        assertThat(run("get", "-d", "x", "-I", server.url("/hello")).code()).isEqualTo(2);
        assertThat(run("get", "-H", "no colon", server.url("/hello")).code()).isEqualTo(2);
        assertThat(run("get", "-u", "nopassword", server.url("/hello")).code()).isEqualTo(2);
        assertThat(run("get", "--max-time", "0", server.url("/hello")).code()).isEqualTo(2);
        assertThat(run("get", "--help").out()).contains("Usage: inet get").contains("--max-redirs");
        CliRun noUrl = run("get");
        assertThat(noUrl.code()).isEqualTo(2);
        assertThat(noUrl.err()).contains("Missing required parameter: 'URL'");
        CliRun badNumber = run("get", "--retry", "many", server.url("/hello"));
        assertThat(badNumber.code()).isEqualTo(2);
        assertThat(badNumber.err()).contains("--retry").doesNotContain("Exception");
    }

    @Test
    void optionsKeepTheirDefaultsAndRepeatableOnesCollect() throws Exception {
        // the options are declared in code (OptionTable): defaults, flags and lists bound to fields
        CliRun r = run("get", "-s", "-H", "X-One: 1", "-H", "X-Two: 2", "-w", "%{http_code}", server.url("/hello"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("200");
        assertThat(run("get", "--help").out()).contains("(default: 50)");
    }
}
