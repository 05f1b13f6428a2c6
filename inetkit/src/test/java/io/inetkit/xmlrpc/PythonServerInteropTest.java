package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.xmlrpc.XmlRpcValue.ArrayValue;
import io.inetkit.xmlrpc.XmlRpcValue.Base64Value;
import io.inetkit.xmlrpc.XmlRpcValue.BooleanValue;
import io.inetkit.xmlrpc.XmlRpcValue.DateTimeValue;
import io.inetkit.xmlrpc.XmlRpcValue.DoubleValue;
import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import io.inetkit.xmlrpc.XmlRpcValue.StringValue;
import io.inetkit.xmlrpc.XmlRpcValue.StructValue;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our client against Python's xmlrpc.server.SimpleXMLRPCServer on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonServerInteropTest {

    private static final String SERVER = """
            from xmlrpc.server import SimpleXMLRPCServer
            server = SimpleXMLRPCServer(("127.0.0.1", 0), logRequests=False, allow_none=True)
            server.register_introspection_functions()
            server.register_multicall_functions()
            def add(a, b):
                "Adds two numbers."
                return a + b
            def echo(*args):
                return list(args)
            def fail():
                raise ValueError("bad value")
            def nothing():
                return None
            server.register_function(add)
            server.register_function(echo)
            server.register_function(fail)
            server.register_function(nothing)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """;

    /** A typed view of Python's add. */
    public interface Adder {
        double add(double a, double b) throws IOException;
    }

    private static PythonProcess python;
    private static JdkHttpTransport transport;
    private static XmlRpcClient client;

    @BeforeAll
    static void startPython() throws Exception {
        assumeTrue(PythonProcess.available(), "python3 with xmlrpc is not installed");
        python = PythonProcess.start(SERVER);
        int port = Integer.parseInt(python.readLine(30).strip());
        transport = new JdkHttpTransport(URI.create("http://127.0.0.1:" + port + "/RPC2"));
        client = new XmlRpcClient(transport, XmlRpcConfig.DEFAULT.withExtensions(true));
    }

    @AfterAll
    static void stopPython() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (python != null) {
            python.close();
        }
    }

    @Test
    void callsAndEchoesEveryType() throws Exception {
        assertThat(client.call("add", 2, 3)).isEqualTo(5);
        Map<String, XmlRpcValue> m = new LinkedHashMap<>();
        m.put("int", new IntValue(-2147483648));
        m.put("bool", BooleanValue.TRUE);
        m.put("text", new StringValue("a & b < c > ]]> \u00e9 \u20ac \uD83D\uDE00 \t\n"));
        m.put("empty", new StringValue(""));
        m.put("double", new DoubleValue(-1.25e-7));
        m.put("big", new DoubleValue(1e100));
        m.put("date", new DateTimeValue(LocalDateTime.of(1998, 7, 17, 14, 8, 55)));
        m.put("zoned", new DateTimeValue(LocalDateTime.of(1998, 7, 17, 14, 8, 55),
                ZoneOffset.UTC));
        m.put("bytes", new Base64Value(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}));
        m.put("array", new ArrayValue(List.of(new IntValue(1), new ArrayValue(List.of()))));
        m.put("struct", new StructValue(Map.of()));
        m.put("nil", XmlRpcValue.NilValue.INSTANCE);
        XmlRpcValue all = new StructValue(m);
        XmlRpcValue back = client.call("echo", List.of(all, new StringValue("second")));
        assertThat(back).isEqualTo(new ArrayValue(List.of(all, new StringValue("second"))));
    }

    @Test
    void faultsFromPython() {
        assertThatThrownBy(() -> client.call("fail")).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> {
                    assertThat(f.faultCode()).isEqualTo(1);
                    assertThat(f.faultString()).contains("ValueError", "bad value");
                });
        assertThatThrownBy(() -> client.call("nosuch")).isInstanceOfSatisfying(
                XmlRpcFault.class, f -> assertThat(f.faultString()).contains("nosuch"));
    }

    @Test
    void multicallWithResultAndFault() throws Exception {
        List<XmlRpcResponse> r = client.multicall(List.of(XmlRpcRequest.of("add", 1, 2),
                XmlRpcRequest.of("fail"), XmlRpcRequest.of("nothing")));
        assertThat(r).hasSize(3);
        assertThat(r.get(0)).isEqualTo(new XmlRpcResponse.Success(new IntValue(3)));
        assertThat(r.get(1)).isInstanceOfSatisfying(XmlRpcResponse.Failure.class, f -> {
            assertThat(f.faultCode()).isEqualTo(1);
            assertThat(f.faultString()).contains("bad value");
        });
        assertThat(r.get(2)).isEqualTo(new XmlRpcResponse.Success(XmlRpcValue.NilValue.INSTANCE));
    }

    @Test
    void introspection() throws Exception {
        assertThat(client.listMethods()).contains("add", "echo", "system.multicall");
        assertThat(client.methodHelp("add")).isEqualTo("Adds two numbers.");
        assertThat(client.methodSignature("add")).isEmpty();   // "signatures not supported"
    }

    @Test
    void typedProxy() throws Exception {
        Adder adder = client.proxy(Adder.class, "");
        assertThat(adder.add(0.5, 2)).isEqualTo(2.5);
        // Python returns an int for two ints; widening to double is allowed.
        assertThat(adder.add(1, 2)).isEqualTo(3.0);
    }

    @Test
    void pythonReadsApacheExtensionNames() throws Exception {
        XmlRpcClient apache = new XmlRpcClient(transport, XmlRpcConfig.builder()
                .extensions(true).extensionNames(XmlRpcConfig.ExtensionNames.APACHE).build());
        assertThat(apache.call("echo", null, 5L)).isEqualTo(java.util.Arrays.asList(null, 5));
    }

    @Test
    void manyCallsOverConnectionsPythonCloses() throws Exception {
        // Python's server answers HTTP/1.0 and closes; pooled connections go stale.
        for (int i = 0; i < 200; i++) {
            assertThat(client.call("add", i, 1)).isEqualTo(i + 1);
        }
    }

    @Test
    void sixtyFourBitIntegersFromPython() throws Exception {
        // Python reads i8 but refuses to send ints beyond 32 bits: a fault, not a hang.
        assertThatThrownBy(() -> client.call("add", 1L << 40, 1))
                .isInstanceOfSatisfying(XmlRpcFault.class,
                        f -> assertThat(f.faultString()).contains("OverflowError"));
    }
}
