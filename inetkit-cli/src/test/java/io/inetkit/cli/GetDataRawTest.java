package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get --data-raw} and {@code --data-ascii}, as curl sends them. */
@Timeout(30)
class GetDataRawTest {
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http().handle("/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            respond(ex, 200, ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                    + ex.getRequestHeaders().getFirst("Content-Type") + "\n" + new String(body, StandardCharsets.UTF_8));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dataRawSendsALeadingAtAsData() throws IOException {
        Files.writeString(dir.resolve("at@at@"), "file content");
        CliRun r = run("get", "--data-raw", "@at@at@", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("POST /echo application/x-www-form-urlencoded\n@at@at@");
    }

    @Test
    void dataRawJoinsWithTheOtherDataOptionsInOrderAndKeepsNewlines() throws IOException {
        Path file = Files.writeString(dir.resolve("d.txt"), "x=1\ny=2\n");
        CliRun r = run("get", "-d", "a=1", "--data-raw", "b=line1\nline2", "--data-ascii", "@" + file,
                "--data-binary", "c=3", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        // --data-ascii is -d: its @file loses CR and LF; --data-raw keeps them, as -d TEXT does
        assertThat(r.out()).endsWith("\na=1&b=line1\nline2&x=1y=2&c=3");
        assertThat(run("get", "-d", "t=a\r\nb", server.url("/echo")).out()).endsWith("\nt=a\r\nb");
    }

    @Test
    void dataRawGoesToTheQueryWithGet() {
        CliRun r = run("get", "-G", "--data-raw", "q=@x", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("GET /echo?q=@x ");
    }
}
