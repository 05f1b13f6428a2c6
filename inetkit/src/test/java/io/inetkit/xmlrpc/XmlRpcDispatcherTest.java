package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcValue.ArrayValue;
import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import io.inetkit.xmlrpc.XmlRpcValue.StringValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher in process: methods, faults, system methods, reflection safety. */
class XmlRpcDispatcherTest {

    /** Exposed by reflection. */
    public static final class Calculator {
        /** A field that must never be reachable by name. */
        public final String secret = "hidden";

        public int add(int a, int b) {
            return a + b;
        }

        public double scale(double x, long factor) {
            return x * factor;
        }

        public List<String> words(String text) {
            return List.of(text.split(" "));
        }

        public XmlRpcValueTest.Point move(XmlRpcValueTest.Point p, int dx) {
            return new XmlRpcValueTest.Point(p.x() + dx, p.y(), p.label());
        }

        public void reset() {
        }

        public int divide(int a, int b) {
            return a / b;
        }

        public Object unsendable() {
            return new Object();
        }

        public static int notExposed() {
            return 1;
        }

        @Override
        public String toString() {
            return "Calculator with " + secret;
        }
    }

    /** Only these methods are exposed when registered with this interface. */
    public interface Greeter {
        String greet(String name);
    }

    /** Implements more than the interface. */
    public static final class GreeterImpl implements Greeter {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }

        public String internal() {
            return "internal";
        }
    }

    private final XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder()
            .register("echo", "Returns its parameters as an array.",
                    List.of(List.of("array")), ArrayValue::new)
            .register("fail", params -> {
                throw new IllegalStateException("database password is hunter2");
            })
            .register("fault", params -> {
                throw new XmlRpcFault(42, "the answer");
            })
            .register("nan", params -> new XmlRpcValue.DoubleValue(Double.NaN))
            .registerObject("calc", new Calculator())
            .registerObject("greeter", Greeter.class, new GreeterImpl())
            .build();

    private XmlRpcResponse call(String method, Object... params) {
        return dispatcher.dispatch(XmlRpcRequest.of(method, params));
    }

    @Test
    void callsLambdaAndReflectiveMethods() throws Exception {
        assertThat(call("echo", 1, "a").valueOrThrow().toJava()).isEqualTo(List.of(1, "a"));
        assertThat(call("calc.add", 2, 3).valueOrThrow()).isEqualTo(new IntValue(5));
        assertThat(call("calc.scale", 1.5, 4).valueOrThrow().toJava()).isEqualTo(6.0);
        assertThat(call("calc.words", "a b").valueOrThrow().toJava()).isEqualTo(List.of("a", "b"));
        assertThat(call("calc.move", Map.of("x", 1, "y", 2, "label", "p"), 10).valueOrThrow()
                .toJava()).isEqualTo(Map.of("x", 11, "y", 2, "label", "p"));
        assertThat(call("calc.reset").valueOrThrow()).isEqualTo(XmlRpcValue.BooleanValue.TRUE);
        assertThat(call("greeter.greet", "Tim").valueOrThrow()).isEqualTo(
                new StringValue("hello Tim"));
    }

    @Test
    void faultCodes() {
        assertThat(call("nosuch")).isEqualTo(new XmlRpcResponse.Failure(
                FaultCodes.METHOD_NOT_FOUND, "method not found: nosuch"));
        assertThat(call("fault")).isEqualTo(new XmlRpcResponse.Failure(42, "the answer"));
        assertThat(call("calc.add", 1)).isEqualTo(new XmlRpcResponse.Failure(
                FaultCodes.INVALID_PARAMS, "calc.add takes 2 parameter(s), got 1"));
        assertThat(call("calc.add", 1, "x")).isInstanceOfSatisfying(
                XmlRpcResponse.Failure.class, f -> {
                    assertThat(f.faultCode()).isEqualTo(FaultCodes.INVALID_PARAMS);
                    assertThat(f.faultString()).contains("parameter 2", "string", "int");
                });
        assertThat(call("calc.divide", 1, 0)).isEqualTo(new XmlRpcResponse.Failure(
                FaultCodes.APPLICATION_ERROR, "error in method calc.divide"));
        assertThat(call("calc.unsendable")).isEqualTo(new XmlRpcResponse.Failure(
                FaultCodes.INTERNAL_ERROR, "the result of calc.unsendable has no XML-RPC form"));
    }

    @Test
    void exceptionDetailsHiddenUnlessConfigured() {
        XmlRpcResponse hidden = call("fail");
        assertThat(hidden).isEqualTo(new XmlRpcResponse.Failure(FaultCodes.APPLICATION_ERROR,
                "error in method fail"));
        XmlRpcDispatcher open = XmlRpcDispatcher.builder().exposeExceptionDetails(true)
                .register("fail", params -> {
                    throw new IllegalStateException("boom");
                }).build();
        assertThat(open.dispatch(XmlRpcRequest.of("fail"))).isEqualTo(new XmlRpcResponse.Failure(
                FaultCodes.APPLICATION_ERROR,
                "error in method fail: java.lang.IllegalStateException: boom"));
    }

    @Test
    void noTraversalBeyondRegisteredMethods() {
        for (String name : List.of("calc.secret", "calc.getClass", "calc.hashCode",
                "calc.toString", "calc.wait", "calc.equals", "calc.notExposed", "calc.add.getClass",
                "calc.__class__", "greeter.internal", "calc", "Calculator.add")) {
            assertThat(call(name)).as(name).isInstanceOfSatisfying(XmlRpcResponse.Failure.class,
                    f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.METHOD_NOT_FOUND));
        }
    }

    @Test
    void introspection() throws Exception {
        assertThat(call("system.listMethods").valueOrThrow().toJava()).isEqualTo(List.of(
                "calc.add", "calc.divide", "calc.move", "calc.reset", "calc.scale",
                "calc.unsendable", "calc.words", "echo", "fail", "fault", "greeter.greet", "nan",
                "system.listMethods", "system.methodHelp", "system.methodSignature",
                "system.multicall"));
        assertThat(call("system.methodHelp", "echo").valueOrThrow().toJava())
                .isEqualTo("Returns its parameters as an array.");
        assertThat(call("system.methodHelp", "fail").valueOrThrow().toJava()).isEqualTo("");
        assertThat(call("system.methodSignature", "calc.scale").valueOrThrow().toJava())
                .isEqualTo(List.of(List.of("double", "double", "i8")));
        assertThat(call("system.methodSignature", "calc.move").valueOrThrow().toJava())
                .isEqualTo(List.of(List.of("struct", "struct", "int")));
        assertThat(call("system.methodSignature", "fail").valueOrThrow().toJava())
                .isEqualTo("undef");
        assertThat(call("system.methodHelp", "nosuch")).isInstanceOfSatisfying(
                XmlRpcResponse.Failure.class,
                f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.METHOD_NOT_FOUND));
        XmlRpcDispatcher quiet = XmlRpcDispatcher.builder().introspection(false)
                .multicall(false).register("m", p -> null).build();
        assertThat(quiet.methodNames()).containsExactly("m");
    }

    @Test
    void multicallWithResultsAndFaults() throws Exception {
        List<Object> calls = List.of(
                Map.of("methodName", "calc.add", "params", List.of(1, 2)),
                Map.of("methodName", "fault", "params", List.of()),
                Map.of("methodName", "nan", "params", List.of()),
                Map.of("methodName", "system.multicall", "params", List.of(List.of())),
                Map.of("params", List.of()),
                Map.of("methodName", "echo"));
        Object result = call("system.multicall", calls).valueOrThrow().toJava();
        List<?> items = (List<?>) result;
        assertThat(items).hasSize(6);
        assertThat(items.get(0)).isEqualTo(List.of(3));
        assertThat(items.get(1)).isEqualTo(Map.of("faultCode", 42, "faultString", "the answer"));
        assertThat(items.get(2)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("faultCode", FaultCodes.INTERNAL_ERROR);
        assertThat(items.get(3)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("faultCode", FaultCodes.INVALID_REQUEST);
        assertThat(items.get(4)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("faultCode", FaultCodes.INVALID_PARAMS);
        assertThat(items.get(5)).isEqualTo(List.of(List.of()));
    }

    @Test
    void handleTurnsBadDocumentsIntoFaults() throws Exception {
        XmlRpcCodec codec = new XmlRpcCodec(XmlRpcConfig.DEFAULT);
        assertThat(handle(codec, "not xml")).isInstanceOfSatisfying(XmlRpcResponse.Failure.class,
                f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.PARSE_ERROR));
        assertThat(handle(codec, "<!DOCTYPE x><methodCall/>")).isInstanceOfSatisfying(
                XmlRpcResponse.Failure.class,
                f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.PARSE_ERROR));
        assertThat(handle(codec, "<methodCall><params/></methodCall>")).isInstanceOfSatisfying(
                XmlRpcResponse.Failure.class,
                f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.INVALID_REQUEST));
        XmlRpcDispatcher small = XmlRpcDispatcher.builder()
                .config(XmlRpcConfig.builder().maxDocumentBytes(64).build()).build();
        byte[] tooBig = small.handle(new ByteArrayInputStream(("<methodCall><methodName>"
                + "m".repeat(100) + "</methodName></methodCall>")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(codec.decodeResponse(tooBig)).isInstanceOfSatisfying(
                XmlRpcResponse.Failure.class, f -> {
                    assertThat(f.faultCode()).isEqualTo(FaultCodes.INVALID_REQUEST);
                    assertThat(f.faultString()).contains("64 bytes");
                });
        assertThat(handle(codec, "<methodCall><methodName>nan</methodName></methodCall>"))
                .isInstanceOfSatisfying(XmlRpcResponse.Failure.class,
                        f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.INTERNAL_ERROR));
        assertThat(handle(codec, "<methodCall><methodName>calc.add</methodName><params>"
                + "<param><value><i4>40</i4></value></param><param><value><int>2</int></value>"
                + "</param></params></methodCall>"))
                .isEqualTo(new XmlRpcResponse.Success(new IntValue(42)));
    }

    @Test
    void builderRefusesAmbiguity() {
        assertThatThrownBy(() -> XmlRpcDispatcher.builder().register("a", p -> null)
                .register("a", p -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> XmlRpcDispatcher.builder()
                .register("system.listMethods", p -> null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
        assertThatThrownBy(() -> XmlRpcDispatcher.builder().registerObject("s", new Overloaded()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overloaded");
    }

    /** Has an overloaded method. */
    public static final class Overloaded {
        public int f(int a) {
            return a;
        }

        public int f(int a, int b) {
            return a + b;
        }
    }

    private XmlRpcResponse handle(XmlRpcCodec codec, String body) throws Exception {
        byte[] out = dispatcher.handle(new ByteArrayInputStream(
                body.getBytes(StandardCharsets.UTF_8)));
        return codec.decodeResponse(out);
    }
}
