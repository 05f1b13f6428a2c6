package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chain: caller interceptors see each call once, network interceptors see every hop. */
@Timeout(20)
class InterceptorTest {

    private static RawServer server() throws Exception {
        RawServer[] self = new RawServer[1];
        RawServer s = RawServer.keepAlive(self, (c, r) -> {
            if (r.line().startsWith("GET /old ")) {
                c.write("HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n");
            } else {
                c.ok("token=" + r.header("X-Token") + " conn=" + r.header("Connection"));
            }
        });
        self[0] = s;
        return s;
    }

    @Test
    void applicationAndNetworkInterceptors() throws Exception {
        List<String> app = new CopyOnWriteArrayList<>();
        List<String> network = new CopyOnWriteArrayList<>();
        try (RawServer s = server(); HttpClient client = HttpClient.builder()
                .interceptor(chain -> {
                    app.add(chain.request().uri().getPath());
                    return chain.proceed(chain.request().toBuilder().setHeader("X-Token", "t1").build());
                })
                .networkInterceptor(chain -> {
                    network.add(chain.request().uri().getPath() + " " + chain.request().header("Accept-Encoding").orElse(null));
                    HttpResponse r = chain.proceed(chain.request());
                    assertThat(chain.call().isCanceled()).isFalse();
                    return r;
                }).build()) {
            try (HttpResponse r = client.send(HttpRequest.get(s.url("/old")))) {
                assertThat(r.bodyString()).isEqualTo("token=t1 conn=null");
                assertThat(r.request().uri().getPath()).isEqualTo("/new");
            }
        }
        assertThat(app).containsExactly("/old");
        assertThat(network).containsExactly("/old gzip, deflate", "/new gzip, deflate");
    }

    @Test
    void interceptorCanShortCircuit() throws Exception {
        try (HttpClient client = HttpClient.builder().interceptor(chain -> new HttpResponse(chain.request(), 418, "teapot",
                HttpVersion.HTTP_1_1, Headers.of("Content-Type", "text/plain; charset=ISO-8859-1"),
                new ByteArrayInputStream("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), null)).build();
             HttpResponse r = client.send(HttpRequest.get("http://unreachable.invalid/"))) {
            assertThat(r.status()).isEqualTo(418);
            assertThat(r.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(r.bodyString()).isEqualTo("caf\u00e9");
            assertThat(r.toString()).isEqualTo("HTTP/1.1 418 teapot (GET http://unreachable.invalid/)");
        }
    }

    @Test
    void nullResponseIsAnError() throws Exception {
        try (HttpClient client = HttpClient.builder().interceptor(chain -> null).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://h/"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("returned null");
        }
    }

    @Test
    void requestConnectionCloseIsHonoured() throws Exception {
        try (RawServer s = server(); HttpClient client = HttpClient.newClient()) {
            HttpRequest r = HttpRequest.newBuilder(s.url("/x")).header("Connection", "close").build();
            assertThat(client.send(r).bodyString()).isEqualTo("token=null conn=close");
            assertThat(client.idleConnectionCount()).isZero();
            assertThat(client.send(HttpRequest.get(s.url("/x"))).bodyString()).isEqualTo("token=null conn=null");
            assertThat(s.connections.get()).isEqualTo(2);
        }
    }
}
