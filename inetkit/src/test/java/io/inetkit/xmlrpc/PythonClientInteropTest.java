package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Python's xmlrpc.client against our dispatcher, served over HTTP on loopback by
 * {@link LoopbackHttpServer} (until inetkit's HTTP server exists).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonClientInteropTest {

    /** Exposed under "calc" by reflection. */
    public static final class Calc {
        public int add(int a, int b) {
            return a + b;
        }

        public long big() {
            return 1L << 40;
        }

        public Object echo(Object value) {
            return value;
        }
    }

    private static final String CLIENT = """
            import sys, datetime, xmlrpc.client as x
            p = x.ServerProxy(sys.argv[1], allow_none=True, use_builtin_types=True)
            print("add", p.calc.add(2, 3))
            print("big", p.calc.big())
            value = {"i": -7, "t": True, "s": "a & b < c \\u00e9 \\U0001F600", "d": 2.5,
                     "e": 1e100, "n": None, "b": b"\\x00\\xff", "l": [1, [], {}],
                     "w": datetime.datetime(1998, 7, 17, 14, 8, 55), "empty": ""}
            print("echo", p.calc.echo(value) == value)
            try:
                p.fault()
            except x.Fault as f:
                print("fault", f.faultCode, f.faultString)
            try:
                p.crash()
            except x.Fault as f:
                print("crash", f.faultCode, f.faultString)
            try:
                p.nosuch()
            except x.Fault as f:
                print("nosuch", f.faultCode)
            mc = x.MultiCall(p)
            mc.calc.add(1, 2)
            mc.fault()
            mc.calc.add(3, 4)
            results = mc()
            print("mc0", results[0])
            try:
                results[1]
            except x.Fault as f:
                print("mc1", f.faultCode, f.faultString)
            print("mc2", results[2])
            print("methods", ",".join(p.system.listMethods()))
            print("help", p.system.methodHelp("fault"))
            print("sig", p.system.methodSignature("calc.add"))
            """;

    private LoopbackHttpServer http;

    @BeforeEach
    void startServer() throws IOException {
        XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder()
                .config(XmlRpcConfig.DEFAULT.withExtensions(true))
                .registerObject("calc", new Calc())
                .register("fault", "Always fails with fault 42.", List.of(List.of("int")), p -> {
                    throw new XmlRpcFault(42, "the answer");
                })
                .register("crash", p -> {
                    throw new IllegalStateException("internal secret");
                })
                .build();
        http = new LoopbackHttpServer(dispatcher);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void pythonClientAgainstOurServer() throws Exception {
        assumeTrue(PythonProcess.available(), "python3 with xmlrpc is not installed");
        String url = "http://127.0.0.1:" + http.port() + "/RPC2";
        PythonProcess.Result result;
        try (PythonProcess python = PythonProcess.start(CLIENT, url)) {
            result = python.finish(40);
        }
        assertThat(result.exitCode()).as(String.join("\n", result.lines())).isZero();
        assertThat(result.lines()).containsExactly(
                "add 5",
                "big 1099511627776",
                "echo True",
                "fault 42 the answer",
                "crash -32500 error in method crash",
                "nosuch -32601",
                "mc0 3",
                "mc1 42 the answer",
                "mc2 7",
                "methods calc.add,calc.big,calc.echo,crash,fault,system.listMethods,"
                        + "system.methodHelp,system.methodSignature,system.multicall",
                "help Always fails with fault 42.",
                "sig [['int', 'int', 'int']]");
    }
}
