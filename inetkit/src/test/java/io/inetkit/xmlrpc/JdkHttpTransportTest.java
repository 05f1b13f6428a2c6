package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our client over JdkHttpTransport against our dispatcher, on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdkHttpTransportTest {

    /** A typed view of the server. */
    public interface Echo {
        List<Integer> echo(List<Integer> values) throws IOException;
    }

    private static XmlRpcDispatcher dispatcher(long maxBytes) {
        return XmlRpcDispatcher.builder()
                .config(XmlRpcConfig.builder().maxDocumentBytes(maxBytes).build())
                .register("e.echo", p -> p.get(0))
                .build();
    }

    @Test
    void endToEnd() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(dispatcher(1 << 20));
                JdkHttpTransport http = new JdkHttpTransport(
                        URI.create("http://127.0.0.1:" + server.port() + "/RPC2"))) {
            XmlRpcClient client = new XmlRpcClient(http);
            Echo echo = client.proxy(Echo.class, "e");
            for (int i = 0; i < 20; i++) {
                assertThat(echo.echo(List.of(i, i + 1))).containsExactly(i, i + 1);
            }
            assertThat(client.multicall(List.of(XmlRpcRequest.of("e.echo", "x"),
                    XmlRpcRequest.of("nope")))).satisfiesExactly(
                            r -> assertThat(r).isEqualTo(new XmlRpcResponse.Success(
                                    new XmlRpcValue.StringValue("x"))),
                            r -> assertThat(r).isInstanceOf(XmlRpcResponse.Failure.class));
        }
    }

    @Test
    void httpErrorsAreIoExceptions() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(dispatcher(100));
                JdkHttpTransport http = new JdkHttpTransport(
                        URI.create("http://127.0.0.1:" + server.port() + "/RPC2"))) {
            XmlRpcClient client = new XmlRpcClient(http);
            assertThatThrownBy(() -> client.call("e.echo", "x".repeat(200)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 400");
        }
    }

    @Test
    void refusesBadEndpoints() {
        assertThatThrownBy(() -> new JdkHttpTransport(URI.create("ftp://127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdkHttpTransport(URI.create("http://u:p@127.0.0.1/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials");
    }
}
