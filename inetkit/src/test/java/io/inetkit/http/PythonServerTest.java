package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Interop with Python's http.server (an HTTP/1.0 server that closes after each response), when python3 is installed. */
@Timeout(30)
class PythonServerTest {

    @TempDir
    Path root;
    private Process python;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Files.write(root.resolve("data.bin"), HttpClientTest.pattern(1_000_000));
        Files.writeString(root.resolve("hello.txt"), "hello from python\n");
        try {
            python = new ProcessBuilder("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1")
                    .directory(root.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed");
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("port (\\d+)").matcher(String.valueOf(out.readLine()));
        assumeTrue(m.find(), "python3 http.server did not start");
        port = Integer.parseInt(m.group(1));
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter()); // drain the access log
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (python != null) {
            python.destroy();
            python.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void filesListingsHeadAndNotFound() throws Exception {
        String base = "http://127.0.0.1:" + port;
        try (HttpClient client = HttpClient.newClient()) {
            try (HttpResponse r = client.send(HttpRequest.get(base + "/data.bin"))) {
                assertThat(r.version()).isEqualTo(HttpVersion.HTTP_1_0);
                assertThat(r.bodyBytes(2_000_000)).isEqualTo(HttpClientTest.pattern(1_000_000));
            }
            assertThat(client.send(HttpRequest.get(base + "/hello.txt")).bodyString()).isEqualTo("hello from python\n");
            assertThat(client.send(HttpRequest.get(base + "/")).bodyString()).contains("hello.txt").contains("data.bin");
            try (HttpResponse r = client.send(HttpRequest.newBuilder(base + "/data.bin").head().build())) {
                assertThat(r.header("Content-Length")).contains("1000000");
                assertThat(r.body().read()).isEqualTo(-1);
            }
            try (HttpResponse r = client.send(HttpRequest.get(base + "/missing"))) {
                assertThat(r.status()).isEqualTo(404);
            }
            // a directory without its slash is redirected (301) to the slash form
            Files.createDirectory(root.resolve("dir"));
            try (HttpResponse r = client.send(HttpRequest.get(base + "/dir"))) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.request().uri().getPath()).isEqualTo("/dir/");
            }
            assertThat(client.idleConnectionCount()).isZero(); // HTTP/1.0 without keep-alive
        }
    }
}
