package io.inetkit.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link UrlOpener}: http against the JDK's server on loopback, file against a temp folder. */
@Timeout(30)
class UrlOpenerTest {

    private static HttpServer server;
    private static ExecutorService executor;
    private static UrlOpener opener;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/hello", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/hello");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        opener = UrlOpener.defaults();
    }

    @AfterAll
    static void stop() {
        opener.close();
        server.stop(0);
        executor.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void httpGivesBodyTypeLengthAndStatus() throws IOException {
        try (OpenedUrl u = opener.open(url("/hello"))) {
            assertThat(u.status()).isEqualTo(200);
            assertThat(u.contentType()).isEqualTo("text/plain");
            assertThat(u.contentLength()).isEqualTo(5);
            assertThat(new String(u.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
    }

    @Test
    void httpReportsTheFinalUriAfterRedirects() throws IOException {
        try (OpenedUrl u = opener.open(url("/moved"))) {
            assertThat(u.uri().getPath()).isEqualTo("/hello");
            assertThat(u.body().readAllBytes()).hasSize(5);
        }
    }

    @Test
    void httpErrorStatusIsAnException() {
        assertThatThrownBy(() -> opener.open(url("/missing")))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("404")
                .satisfies(e -> assertThat(((HttpStatusException) e).status()).isEqualTo(404));
    }

    @Test
    void fileGivesContentAndLength() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "file body");
        try (OpenedUrl u = opener.open(f.toUri())) {
            assertThat(u.status()).isEqualTo(OpenedUrl.NO_STATUS);
            assertThat(u.contentLength()).isEqualTo(9);
            assertThat(u.contentType()).isEqualTo("text/plain");
            assertThat(new String(u.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("file body");
        }
    }

    @Test
    void directoryOpensAsASortedListing() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "x");
        Files.createDirectory(dir.resolve("a-sub"));
        try (OpenedUrl u = opener.open(dir.toUri())) {
            assertThat(u.contentType()).startsWith("text/plain");
            assertThat(new String(u.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a-sub/\nb.txt\n");
        }
    }

    @Test
    void dotDotSegmentsOtherHostsAndMissingFilesAreRefused() {
        String base = dir.toUri().toString();
        assertThatThrownBy(() -> opener.open(base + "sub/../../etc/passwd"))
                .isInstanceOf(IOException.class).hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> opener.open("file://example.org/etc/passwd"))
                .isInstanceOf(IOException.class).hasMessageContaining("other hosts");
        assertThatThrownBy(() -> opener.open(base + "nothing-here"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void specialFilesAreRefused() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
        assertThatThrownBy(() -> opener.open(devNull.toUri()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void unknownSchemeListsTheSupportedOnes() {
        assertThatThrownBy(() -> opener.open("gopher://example.org/"))
                .isInstanceOf(UnsupportedSchemeException.class)
                .hasMessageContaining("\"gopher\"")
                .hasMessageContaining("file, http, https");
        assertThatThrownBy(() -> opener.open(URI.create("relative/path")))
                .isInstanceOf(UnsupportedSchemeException.class).hasMessageContaining("no scheme");
    }

    @Test
    void registeredHandlersPlugIn() throws IOException {
        SchemeHandler gopher = new SchemeHandler() {
            @Override
            public Set<String> schemes() {
                return Set.of("gopher");
            }

            @Override
            public OpenedUrl open(URI uri) {
                byte[] menu = "iHello\t\terror.host\t1\r\n".getBytes(StandardCharsets.US_ASCII);
                return new OpenedUrl(uri, OpenedUrl.NO_STATUS, "text/plain", menu.length, new ByteArrayInputStream(menu));
            }
        };
        try (UrlOpener custom = UrlOpener.builder().handler(gopher).build();
             OpenedUrl u = custom.open("GOPHER://example.org/")) {
            assertThat(custom.schemes()).containsExactlyInAnyOrder("file", "http", "https", "gopher");
            assertThat(u.contentLength()).isPositive();
        }
        assertThatThrownBy(() -> UrlOpener.builder().handler(new SchemeHandler() {
            @Override
            public Set<String> schemes() {
                return Set.of("Bad Scheme");
            }

            @Override
            public OpenedUrl open(URI uri) {
                throw new AssertionError();
            }
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
