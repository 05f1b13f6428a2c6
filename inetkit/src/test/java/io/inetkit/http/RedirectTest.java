package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RedirectTest {

    private JdkServer server;
    private JdkServer other;
    private HttpClient client;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = JdkServer.http();
        other = JdkServer.http();
        server.handle("/to/", ex -> redirect(ex, Integer.parseInt(ex.getRequestURI().getPath().substring(4)), "/target"));
        server.handle("/target", this::record);
        server.handle("/chain/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(7));
            redirect(ex, 302, "/chain/" + (n + 1));
        });
        server.handle("/a", ex -> redirect(ex, 302, "/b"));
        server.handle("/b", ex -> redirect(ex, 302, "/a"));
        server.handle("/away", ex -> redirect(ex, 302, "http://localhost:" + other.server.getAddress().getPort() + "/target"));
        other.handle("/target", this::record);
        client = HttpClient.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
        other.close();
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("Location", location);
        JdkServer.respond(ex, status, "moved");
    }

    private void record(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes());
        seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " body=" + body
                + " auth=" + ex.getRequestHeaders().getFirst("Authorization")
                + " cookie=" + ex.getRequestHeaders().getFirst("Cookie"));
        JdkServer.respond(ex, 200, "arrived");
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(server.url(path)).post(RequestBody.ofString("payload", "text/plain")).build();
    }

    @Test
    void see301To303BecomeGetWithoutBody() throws Exception {
        for (int status : new int[] {301, 302, 303}) {
            try (HttpResponse r = client.send(post("/to/" + status))) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.request().uri().getPath()).isEqualTo("/target");
                assertThat(r.request().method()).isEqualTo(Method.GET);
            }
        }
        assertThat(seen).allMatch(s -> s.startsWith("GET /target body= "));
    }

    @Test
    void see307And308KeepMethodAndBody() throws Exception {
        for (int status : new int[] {307, 308}) {
            client.send(post("/to/" + status)).close();
        }
        assertThat(seen).hasSize(2).allMatch(s -> s.startsWith("POST /target body=payload"));
    }

    @Test
    void headStaysHead() throws Exception {
        try (HttpResponse r = client.send(HttpRequest.newBuilder(server.url("/to/303")).head().build())) {
            assertThat(r.request().method()).isEqualTo(Method.HEAD);
        }
        assertThat(seen).singleElement().asString().startsWith("HEAD /target");
    }

    @Test
    void oneShotBodyIsNotReplayedOn307() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(server.url("/to/307"))
                .post(RequestBody.ofInputStream(new ByteArrayInputStream("x".getBytes()), 1, null)).build();
        try (HttpResponse response = client.send(r)) {
            assertThat(response.status()).isEqualTo(307);
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void maximumIsEnforced() throws Exception {
        try (HttpClient c = HttpClient.builder().maxRedirects(5).build()) {
            assertThatThrownBy(() -> c.send(HttpRequest.get(server.url("/chain/0"))))
                    .isInstanceOf(TooManyRedirectsException.class).hasMessageContaining("after 5 redirects");
        }
        try (HttpResponse r = client.send(HttpRequest.get(server.url("/chain/0")))) {
            throw new AssertionError("expected the default limit of 50, got " + r);
        } catch (TooManyRedirectsException e) {
            assertThat(e).hasMessageContaining("after 50 redirects");
        }
    }

    @Test
    void loopsAreDetected() {
        assertThatThrownBy(() -> client.send(HttpRequest.get(server.url("/a"))))
                .isInstanceOf(TooManyRedirectsException.class).hasMessageContaining("loop");
    }

    @Test
    void disabledRedirectsReturnTheRedirect() throws Exception {
        try (HttpClient c = HttpClient.builder().followRedirects(false).build();
             HttpResponse r = c.send(HttpRequest.get(server.url("/to/302")))) {
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("Location")).contains("/target");
        }
    }

    @Test
    void credentialsAndCookiesStayWithTheirOrigin() throws Exception {
        HttpRequest sameOrigin = HttpRequest.newBuilder(server.url("/to/302"))
                .header("Authorization", "Bearer t").header("Cookie", "a=1").build();
        client.send(sameOrigin).close();
        HttpRequest crossOrigin = HttpRequest.newBuilder(server.url("/away"))
                .header("Authorization", "Bearer t").header("Cookie", "a=1").header("Proxy-Authorization", "Basic x").build();
        try (HttpResponse r = client.send(crossOrigin)) {
            assertThat(r.request().uri().getHost()).isEqualTo("localhost");
            assertThat(r.request().headers().contains("Proxy-Authorization")).isFalse();
        }
        assertThat(seen).containsExactly("GET /target body= auth=Bearer t cookie=a=1",
                "GET /target body= auth=null cookie=null");
    }

    @Test
    void followUnitRules() throws Exception {
        HttpRequest https = HttpRequest.newBuilder("https://h/x").header("Authorization", "Basic x").build();
        HttpRequest down = RedirectInterceptor.follow(https, 302, "http://h/y");
        assertThat(down.uri().toString()).isEqualTo("http://h/y");
        assertThat(down.headers().contains("Authorization")).isFalse();
        assertThat(RedirectInterceptor.follow(https, 301, "/rel?q=1").uri().toString()).isEqualTo("https://h/rel?q=1");
        assertThat(RedirectInterceptor.follow(https, 301, "z").uri().toString()).isEqualTo("https://h/z");
        assertThatThrownBy(() -> RedirectInterceptor.follow(https, 302, "ftp://h/")).hasMessageContaining("cannot follow");
    }
}
