package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import io.inetkit.net.TlsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against the JDK's HTTP server on loopback. */
@Timeout(30)
class HttpClientTest {

    private JdkServer server;
    private HttpClient client;
    /** Remote ports seen by the server: one per connection. */
    private final Ports connections = new Ports();

    static final class Ports {
        final java.util.Set<Integer> ports = ConcurrentHashMap.newKeySet();
    }

    @BeforeEach
    void setUp() throws Exception {
        server = JdkServer.http();
        server.handle("/echo", ex -> {
            connections.ports.add(ex.getRemoteAddress().getPort());
            byte[] body = ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("X-Method", ex.getRequestMethod());
            ex.getResponseHeaders().add("X-Request-TE", String.valueOf(ex.getRequestHeaders().getFirst("Transfer-Encoding")));
            ex.getResponseHeaders().add("X-Request-CL", String.valueOf(ex.getRequestHeaders().getFirst("Content-Length")));
            ex.getResponseHeaders().add("X-Host", String.valueOf(ex.getRequestHeaders().getFirst("Host")));
            ex.getResponseHeaders().add("X-UA", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.handle("/big", ex -> {
            connections.ports.add(ex.getRemoteAddress().getPort());
            int size = Integer.parseInt(ex.getRequestURI().getQuery());
            boolean chunked = ex.getRequestURI().getPath().endsWith("chunked");
            ex.sendResponseHeaders(200, chunked ? 0 : size);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(pattern(size));
            }
        });
        client = HttpClient.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    static byte[] pattern(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void getWithDefaultHeaders() throws Exception {
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/echo")))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(r.header("X-Method")).contains("GET");
            assertThat(r.header("X-Host")).contains(server.url("").substring("http://".length()));
            assertThat(r.header("X-UA")).contains(HttpClient.DEFAULT_USER_AGENT);
            assertThat(r.header("X-Request-CL")).contains("null");
            assertThat(r.bodyString()).isEmpty();
        }
    }

    @Test
    void postWithKnownLengthAndChunkedBodies() throws Exception {
        HttpRequest fixed = HttpRequest.newBuilder(server.url("/echo")).post(RequestBody.ofString("héllo", "text/plain")).build();
        try (HttpResponse r = client.send(fixed)) {
            assertThat(r.header("X-Request-CL")).contains("6");
            assertThat(r.bodyString()).isEqualTo("héllo");
        }
        byte[] data = pattern(300_000);
        HttpRequest chunked = HttpRequest.newBuilder(server.url("/echo"))
                .put(RequestBody.ofInputStream(new ByteArrayInputStream(data), -1, null)).build();
        try (HttpResponse r = client.send(chunked)) {
            assertThat(r.header("X-Method")).contains("PUT");
            assertThat(r.header("X-Request-TE")).contains("chunked");
            assertThat(r.bodyBytes(1 << 20)).isEqualTo(data);
        }
    }

    @Test
    void emptyPostSendsContentLengthZero() throws Exception {
        try (HttpResponse r = client.send(HttpRequest.newBuilder(server.url("/echo")).method(Method.POST, null).build())) {
            assertThat(r.header("X-Request-CL")).contains("0");
        }
    }

    @Test
    void fileUploadAndDownload(@TempDir Path dir) throws Exception {
        byte[] data = pattern(1_000_000);
        Path in = Files.write(dir.resolve("in"), data);
        HttpRequest put = HttpRequest.newBuilder(server.url("/echo")).put(RequestBody.ofFile(in, "application/octet-stream")).build();
        try (HttpResponse r = client.send(put)) {
            assertThat(r.saveTo(dir.resolve("out"))).isEqualTo(data.length);
        }
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(data);
    }

    @Test
    void largeBodiesStreamIntact() throws Exception {
        for (String path : List.of("/big?", "/big/chunked?")) {
            int size = 8 * 1024 * 1024 + 17;
            try (HttpResponse r = client.send(HttpRequest.get(server.url(path + size)))) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                int n;
                long total = 0;
                while ((n = r.body().read(buf)) > 0) {
                    md.update(buf, 0, n);
                    total += n;
                }
                assertThat(total).isEqualTo(size);
                assertThat(HexFormat.of().formatHex(md.digest()))
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pattern(size))));
            }
        }
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?100")))) {
                assertThat(r.bodyBytes(1000)).hasSize(100);
            }
        }
        assertThat(connections.ports).hasSize(1);
        assertThat(client.idleConnectionCount()).isEqualTo(1);
    }

    @Test
    void bodyBytesWithAContentLengthKeepsItsLimit() throws Exception {
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?100")))) {
            assertThat(r.bodyBytes(100)).isEqualTo(pattern(100)); // exactly the limit
        }
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?100")))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.bodyBytes(99))
                    .isInstanceOf(io.inetkit.text.LimitExceededException.class);
        }
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?0")))) {
            assertThat(r.bodyBytes(10)).isEmpty();
        }
    }

    @Test
    void bodyClosedEarlyClosesTheConnection() throws Exception {
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?1000000")))) {
            assertThat(r.body().read()).isNotNegative();
        }
        assertThat(client.idleConnectionCount()).isZero();
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/big?10")))) {
            assertThat(r.bodyBytes(100)).hasSize(10);
        }
        assertThat(connections.ports).hasSize(2);
    }

    @Test
    void concurrentCallsShareThePool() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int size = i * 100;
                results.add(pool.submit(() -> client.send(HttpRequest.get(server.url("/big?" + size))).bodyBytes(10_000).length));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(results.get(i).get()).isEqualTo(i * 100);
            }
        }
        assertThat(client.idleConnectionCount()).isBetween(1, 5);
    }

    @Test
    void transcriptMasksCredentials() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (HttpClient c = HttpClient.builder().transcript((d, l) -> lines.add(d + " " + l)).build()) {
            HttpRequest r = HttpRequest.newBuilder(server.url("/echo")).header("Authorization", "Bearer s3cret")
                    .header("Cookie", "sid=s3cret").post(RequestBody.ofString("body", null)).build();
            assertThat(c.send(r).bodyString()).isEqualTo("body");
        }
        assertThat(String.join("\n", lines)).doesNotContain("s3cret").contains("SENT Authorization: Bearer ****")
                .contains("SENT <4 bytes of body>").contains("RECEIVED HTTP/1.1 200 OK")
                .contains("RECEIVED <4 bytes of body>");
    }

    @Test
    void httpsWithTestPki() throws Exception {
        try (JdkServer tls = JdkServer.https().handle("/", ex -> JdkServer.respond(ex, 200, "secure"));
             HttpClient c = HttpClient.builder().tls(TestPki.get().clientConfig()).build()) {
            for (int i = 0; i < 3; i++) {
                try (HttpResponse r = c.send(HttpRequest.get(tls.url("/")))) {
                    assertThat(r.bodyString()).isEqualTo("secure");
                }
            }
            assertThat(c.idleConnectionCount()).isEqualTo(1);
            assertThatThrownBy(() -> client.send(HttpRequest.get(tls.url("/")))).isInstanceOf(TlsException.class);
        }
    }

    @Test
    void statusIsDataNotAnException() throws Exception {
        server.handle("/missing", ex -> JdkServer.respond(ex, 404, "nope"));
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/missing")))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.isSuccessful()).isFalse();
            assertThat(r.bodyString()).isEqualTo("nope");
        }
    }

    @Test
    void writeBodyToCopiesEverything() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.send(HttpRequest.get(server.url("/big?200000"))).writeBodyTo(out)).isEqualTo(200_000);
        assertThat(out.toByteArray()).isEqualTo(pattern(200_000));
    }

    @Test
    void closedClientRefusesCalls() {
        client.close();
        assertThatThrownBy(() -> client.send(HttpRequest.get(server.url("/echo")))).isInstanceOf(IllegalStateException.class);
    }
}
