package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** curl (when installed) and python3 urllib against our server. */
@Timeout(60)
class ServerInteropTest {
    @TempDir
    static Path tmp;
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(tmp.resolve("hello.txt"), "hello world");
        server = HttpServer.builder()
                .get("/files/", StaticFiles.of(tmp))
                .post("/echo", (req, res) -> res.contentType("application/octet-stream").send(req.bodyBytes()))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Result(int exit, String out, String err) {}

    static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static boolean has(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void curlReusesTheConnectionAndUploadsWithContinue() throws Exception {
        assumeTrue(has("curl"), "curl is not installed");
        String url = server.uri() + "files/hello.txt";
        Result r = run("curl", "-sS", "-v", url, url);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("hello worldhello world");
        assertThat(r.err()).containsIgnoringCase("re-using existing connection");
        Path big = tmp.resolve("upload.bin");
        Files.write(big, new byte[200_000]);
        Result up = run("curl", "-sS", "-v", "-H", "Expect: 100-continue", "--data-binary", "@" + big, "-o", tmp.resolve("back.bin").toString(),
                server.uri() + "echo");
        assertThat(up.exit()).isZero();
        assertThat(up.err()).contains("HTTP/1.1 100 Continue");
        assertThat(Files.size(tmp.resolve("back.bin"))).isEqualTo(200_000);
        Result range = run("curl", "-sS", "-r", "6-", url);
        assertThat(range.out()).isEqualTo("world");
        Result head = run("curl", "-sS", "-I", url);
        assertThat(head.out()).contains("Content-Length: 11");
    }

    @Test
    void pythonUrllibGetsPostsAndHeads() throws Exception {
        assumeTrue(has("python3"), "python3 is not installed");
        String script = String.join("\n",
                "import sys, urllib.request",
                "base = sys.argv[1]",
                "print(urllib.request.urlopen(base + 'files/hello.txt').read().decode())",
                "req = urllib.request.Request(base + 'echo', data=b'posted', method='POST')",
                "print(urllib.request.urlopen(req).read().decode())",
                "h = urllib.request.urlopen(urllib.request.Request(base + 'files/hello.txt', method='HEAD'))",
                "print(h.status, h.headers['Content-Length'], len(h.read()))",
                "try:",
                "    urllib.request.urlopen(base + 'files/missing')",
                "except urllib.error.HTTPError as e:",
                "    print(e.code)",
                "j = urllib.request.urlopen(base + 'files/?format=json').read().decode()",
                "print('hello.txt' in j)");
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script, server.uri().toString()));
        Result r = run(cmd.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly("hello world", "posted", "200 11 0", "404", "True");
    }
}
