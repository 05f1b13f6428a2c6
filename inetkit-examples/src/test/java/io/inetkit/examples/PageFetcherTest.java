package io.inetkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tutorial's page fetcher against the JDK's HTTP server on loopback. */
@Timeout(30)
class PageFetcherTest {
    private static final String PAGE = "<html><body><h1>Hello from loopback</h1>" + "x".repeat(5000) + "</body></html>";

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printsTheHeadersAndSavesTheBody(@TempDir Path dir) throws IOException {
        PageFetcher.Page page = PageFetcher.fetch("127.0.0.1", server.getAddress().getPort(), "/", Duration.ofSeconds(5));
        Path file = dir.resolve("page.html");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PageFetcher.save(page, new PrintStream(printed, true, StandardCharsets.UTF_8), file);

        assertThat(page.headers()).startsWith("HTTP/1.1 200 OK\r\n")
                .containsIgnoringCase("content-type: text/html; charset=utf-8")
                .containsIgnoringCase("content-length: " + PAGE.getBytes(StandardCharsets.UTF_8).length)
                .doesNotContain("\r\n\r\n");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(page.headers() + System.lineSeparator());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void aReplyWithoutABlankLineIsAClearError() {
        byte[] noHeadersEnd = "HTTP/1.1 200 OK\r\nServer: broken\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> PageFetcher.split(noHeadersEnd))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no blank line");
    }

    @Test
    void splitsAtTheFirstBlankLineOnly() throws IOException {
        byte[] data = "H: 1\r\n\r\nbody\r\n\r\nmore".getBytes(StandardCharsets.US_ASCII);
        PageFetcher.Page page = PageFetcher.split(data);
        assertThat(page.headers()).isEqualTo("H: 1");
        assertThat(new String(page.body(), StandardCharsets.US_ASCII)).isEqualTo("body\r\n\r\nmore");
    }
}
