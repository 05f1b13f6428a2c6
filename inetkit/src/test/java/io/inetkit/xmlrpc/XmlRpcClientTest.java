package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The client and its typed proxy over an in-memory transport to a dispatcher. */
class XmlRpcClientTest {

    /** The typed view of the test server. */
    public interface Api {
        int add(int a, int b) throws IOException;

        long widen(int a) throws IOException;

        double half(int a) throws IOException;

        List<String> words(String text) throws IOException;

        Map<String, Integer> counts() throws IOException;

        XmlRpcValueTest.Point move(XmlRpcValueTest.Point p, int dx) throws IOException;

        int[] pair() throws IOException;

        LocalDateTime when() throws IOException;

        byte[] bytes() throws IOException;

        void reset() throws IOException;

        String words2(String text) throws IOException;   // returns an array: does not fit

        int fault() throws XmlRpcFault;

        int unchecked();                                  // fault, no throws clause

        default int addTwice(int a) throws IOException {
            return add(add(a, a), a);
        }
    }

    private static final XmlRpcDispatcher SERVER = XmlRpcDispatcher.builder()
            .register("api.add", p -> new IntValue(((IntValue) p.get(0)).value()
                    + ((IntValue) p.get(1)).value()))
            .register("api.widen", p -> p.get(0))
            .register("api.half", p -> new XmlRpcValue.DoubleValue(
                    ((IntValue) p.get(0)).value() / 2.0))
            .register("api.words", p -> XmlRpcValue.of(List.of(
                    ((XmlRpcValue.StringValue) p.get(0)).value().split(" "))))
            .register("api.words2", p -> XmlRpcValue.of(List.of("a", "b")))
            .register("api.counts", p -> XmlRpcValue.of(Map.of("a", 1, "b", 2)))
            .register("api.move", p -> {
                Map<String, XmlRpcValue> m = new java.util.LinkedHashMap<>(
                        ((XmlRpcValue.StructValue) p.get(0)).members());
                m.put("x", new IntValue(((IntValue) m.get("x")).value()
                        + ((IntValue) p.get(1)).value()));
                return new XmlRpcValue.StructValue(m);
            })
            .register("api.pair", p -> XmlRpcValue.of(List.of(1, 2)))
            .register("api.when", p -> XmlRpcValue.of(LocalDateTime.of(2001, 2, 3, 4, 5, 6)))
            .register("api.bytes", p -> XmlRpcValue.of(new byte[] {1, 2}))
            .register("api.reset", p -> XmlRpcValue.BooleanValue.TRUE)
            .register("api.fault", p -> {
                throw new XmlRpcFault(7, "seven");
            })
            .register("api.unchecked", p -> {
                throw new XmlRpcFault(8, "eight");
            })
            .register("help.me", "Some help.", List.of(List.of("int", "string")), p -> null)
            .build();

    private static final XmlRpcTransport LOCAL = body -> new ByteArrayInputStream(
            SERVER.handle(new ByteArrayInputStream(body)));

    private final XmlRpcClient client = new XmlRpcClient(LOCAL);

    @Test
    void callsWithJavaObjectsAndValues() throws Exception {
        assertThat(client.call("api.add", 2, 3)).isEqualTo(5);
        assertThat(client.call("api.add", List.of(new IntValue(4), new IntValue(5))))
                .isEqualTo(new IntValue(9));
        assertThatThrownBy(() -> client.call("api.fault")).isInstanceOfSatisfying(
                XmlRpcFault.class, f -> {
                    assertThat(f.faultCode()).isEqualTo(7);
                    assertThat(f.faultString()).isEqualTo("seven");
                    assertThat(f).hasMessage("XML-RPC fault 7: seven");
                });
        assertThatThrownBy(() -> client.call("nosuch")).isInstanceOfSatisfying(
                XmlRpcFault.class,
                f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.METHOD_NOT_FOUND));
    }

    @Test
    void multicall() throws Exception {
        List<XmlRpcResponse> results = client.multicall(List.of(
                XmlRpcRequest.of("api.add", 1, 2), XmlRpcRequest.of("api.fault"),
                XmlRpcRequest.of("api.words", "x y")));
        assertThat(results).containsExactly(new XmlRpcResponse.Success(new IntValue(3)),
                new XmlRpcResponse.Failure(7, "seven"),
                new XmlRpcResponse.Success(XmlRpcValue.of(List.of("x", "y"))));
        assertThat(client.multicall(List.of())).isEmpty();
    }

    @Test
    void introspection() throws Exception {
        assertThat(client.listMethods()).contains("api.add", "help.me", "system.multicall");
        assertThat(client.methodHelp("help.me")).isEqualTo("Some help.");
        assertThat(client.methodSignature("help.me")).containsExactly(List.of("int", "string"));
        assertThat(client.methodSignature("api.add")).isEmpty();
    }

    @Test
    void typedProxy() throws Exception {
        Api api = client.proxy(Api.class, "api");
        assertThat(api.add(2, 40)).isEqualTo(42);
        assertThat(api.widen(7)).isEqualTo(7L);
        assertThat(api.half(3)).isEqualTo(1.5);
        assertThat(api.words("a b c")).containsExactly("a", "b", "c");
        assertThat(api.counts()).containsEntry("a", 1).containsEntry("b", 2);
        assertThat(api.move(new XmlRpcValueTest.Point(1, 2, "p"), 5))
                .isEqualTo(new XmlRpcValueTest.Point(6, 2, "p"));
        assertThat(api.pair()).containsExactly(1, 2);
        assertThat(api.when()).isEqualTo(LocalDateTime.of(2001, 2, 3, 4, 5, 6));
        assertThat(api.bytes()).containsExactly(1, 2);
        api.reset();
        assertThat(api.addTwice(3)).isEqualTo(9);
        assertThat(api.toString()).contains("Api", "api.*");
        assertThat(api).isEqualTo(api).isNotEqualTo(client.proxy(Api.class, "api"));
    }

    @Test
    void proxyReportsMismatchesAndFaults() {
        Api api = client.proxy(Api.class, "api");
        assertThatThrownBy(() -> api.words2("x")).isInstanceOf(XmlRpcProtocolException.class)
                .hasMessageContaining("api.words2")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("array");
        assertThatThrownBy(api::fault).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> assertThat(f.faultCode()).isEqualTo(7));
        assertThatThrownBy(api::unchecked).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(XmlRpcFault.class);
        assertThatThrownBy(() -> client.proxy(String.class, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsAndClosesTheResponse() {
        AtomicBoolean closed = new AtomicBoolean();
        XmlRpcTransport huge = body -> new InputStream() {
            private final byte[] head = "<methodResponse><params><param><value>".getBytes();
            private int pos;

            @Override
            public int read() {
                return pos < head.length ? head[pos++] : 'a';
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        XmlRpcClient small = new XmlRpcClient(huge,
                XmlRpcConfig.builder().maxDocumentBytes(10_000).build());
        assertThatThrownBy(() -> small.call("m")).isInstanceOf(XmlRpcProtocolException.class)
                .hasMessageContaining("10000 bytes");
        assertThat(closed).isTrue();
        XmlRpcClient broken = new XmlRpcClient(body -> {
            throw new IOException("connection refused");
        });
        assertThatThrownBy(() -> broken.call("m")).isInstanceOf(IOException.class)
                .hasMessage("connection refused");
    }
}
