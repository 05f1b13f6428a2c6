package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.http.CookieFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get -b, -c, -j}: curl's cookie options against the JDK's HTTP server on loopback. */
@Timeout(30)
class GetCookiesTest {
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/login", ex -> {
                    ex.getResponseHeaders().add("Set-Cookie", "sid=abc; Path=/; HttpOnly");
                    ex.getResponseHeaders().add("Set-Cookie", "pref=blue; Max-Age=3600; Path=/");
                    ex.getResponseHeaders().set("Location", "/home");
                    respond(ex, 302, "moved");
                })
                .handle("/home", ex -> {
                    String cookie = ex.getRequestHeaders().getFirst("Cookie");
                    respond(ex, 200, "cookie: " + (cookie == null ? "none" : cookie));
                })
                .handle("/away", ex -> { // the same server under another name: another host for cookies
                    ex.getResponseHeaders().set("Location", server.url("/home").replace("127.0.0.1", "localhost"));
                    respond(ex, 302, "elsewhere");
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cookiesAreSentBackOnARedirectSavedAndReadAgain() throws IOException {
        Path jar = dir.resolve("jar.txt");
        CliRun first = run("get", "-L", "-c", jar.toString(), server.url("/login"));
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo("cookie: sid=abc; pref=blue");

        String saved = Files.readString(jar);
        assertThat(saved).startsWith(CookieFile.HEADER);
        List<String> lines = saved.substring(CookieFile.HEADER.length()).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc");
        assertThat(lines.get(1)).matches("127\\.0\\.0\\.1\tFALSE\t/\tFALSE\t\\d{10}\tpref\tblue");

        CliRun again = run("get", "-b", jar.toString(), server.url("/home"));
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo("cookie: sid=abc; pref=blue");

        CliRun junk = run("get", "-j", "-b", jar.toString(), server.url("/home"));
        assertThat(junk.out()).isEqualTo("cookie: pref=blue"); // the session cookie sid is dropped
    }

    @Test
    void aCookieStringIsSentAsItIs() {
        CliRun r = run("get", "-b", "a=1; b=2", "--cookie", "c=3", server.url("/home"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("cookie: a=1; b=2; c=3");
    }

    @Test
    void aCookieStringStaysOnTheHostAndDoesNotStartTheEngine() {
        // as curl: a string alone does not record the cookies the server sets
        assertThat(run("get", "-L", "-b", "a=1", server.url("/login")).out()).isEqualTo("cookie: a=1");
        // a redirect to another host drops it, as the client does with Authorization
        assertThat(run("get", "-L", "-b", "a=1", server.url("/away")).out()).isEqualTo("cookie: none");
    }

    @Test
    void aStringAndAFileTogether() throws IOException {
        Path file = Files.writeString(dir.resolve("c.txt"), "127.0.0.1\tFALSE\t/\tFALSE\t0\tfromfile\tyes\n");
        CliRun r = run("get", "-b", "s=1", "-b", file.toString(), server.url("/home"));
        assertThat(r.out()).isEqualTo("cookie: s=1; fromfile=yes");
    }

    @Test
    void aMalformedLineIsSkippedWithAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), """
                # Netscape HTTP Cookie File
                127.0.0.1\tFALSE\t/\tFALSE\t0\tgood\t1
                127.0.0.1\tperhaps\t/\tFALSE\t0\tbad\t2
                """);
        CliRun r = run("get", "-b", file.toString(), server.url("/home"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("cookie: good=1");
        assertThat(r.err()).isEqualTo("inet: warning: skipped 1 malformed line(s) in the cookie file " + file + "\n");
        assertThat(run("get", "-s", "-b", file.toString(), server.url("/home")).err()).isEmpty();
    }

    @Test
    void aMissingCookieFileIsNoError() {
        CliRun r = run("get", "-b", dir.resolve("none.txt").toString(), server.url("/home"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("cookie: none");
    }

    @Test
    void cookieJarDashIsStdoutAfterTheBody() {
        CliRun r = run("get", "-c", "-", server.url("/login"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("moved" + CookieFile.HEADER)
                .contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc\n");
    }

    @Test
    void anUnwritableJarIsAWarningAsInCurl() {
        Path jar = dir.resolve("no/such/dir/jar.txt");
        CliRun r = run("get", "-c", jar.toString(), server.url("/login"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("inet: warning: could not write the cookies to " + jar);
    }
}
