package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** XmlRpcHttpHandler on our HttpServer, called through InetkitHttpTransport and JdkHttpTransport. */
@Timeout(30)
class XmlRpcHttpServerTest {

    static HttpServer start(long maxBytes) throws IOException {
        XmlRpcDispatcher d = XmlRpcDispatcher.builder()
                .config(XmlRpcConfig.builder().maxDocumentBytes(maxBytes).build())
                .register("math.add", p -> XmlRpcValue.of((Integer) p.get(0).toJava() + (Integer) p.get(1).toJava()))
                .build();
        return HttpServer.builder().route(null, "/RPC2", new XmlRpcHttpHandler(d)).start();
    }

    @Test
    void bothTransportsCallOurServer() throws Exception {
        try (HttpServer server = start(1 << 20);
                InetkitHttpTransport ours = new InetkitHttpTransport(server.uri().resolve("/RPC2"));
                JdkHttpTransport jdk = new JdkHttpTransport(server.uri().resolve("/RPC2"))) {
            for (XmlRpcTransport t : List.of(ours, jdk)) {
                XmlRpcClient client = new XmlRpcClient(t);
                for (int i = 0; i < 5; i++) {
                    assertThat(client.call("math.add", i, 2)).isEqualTo(i + 2);
                }
                assertThatThrownBy(() -> client.call("nope")).isInstanceOf(XmlRpcFault.class);
            }
        }
    }

    @Test
    void getIs405AndOversizedIs413() throws Exception {
        try (HttpServer server = start(100);
                InetkitHttpTransport ours = new InetkitHttpTransport(server.uri().resolve("/RPC2"))) {
            var jdk = java.net.http.HttpClient.newHttpClient();
            var r = jdk.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/RPC2")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("POST");
            XmlRpcClient client = new XmlRpcClient(ours);
            assertThatThrownBy(() -> client.call("math.add", "x".repeat(200), 1))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 413");
        }
    }

    @Test
    void refusesBadEndpoints() {
        assertThatThrownBy(() -> new InetkitHttpTransport(URI.create("ftp://127.0.0.1/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InetkitHttpTransport(URI.create("http://u:p@127.0.0.1/"))).isInstanceOf(IllegalArgumentException.class);
    }
}
