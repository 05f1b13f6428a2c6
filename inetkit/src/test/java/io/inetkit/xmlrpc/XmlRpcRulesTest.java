package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule "register an object's public methods without dotted-name traversal": a dotted name is
 * looked up whole, so {@code a.b.c} never walks into a public field, a getter's result, or a
 * nested object's methods.
 */
class XmlRpcRulesTest {

    /** Reached only through a field or getter of {@link Outer}; its method must stay unreachable. */
    public static final class Inner {
        public String run() {
            return "ran inner";
        }
    }

    /** Registered by reflection, with a public field and a getter that lead to another object. */
    public static final class Outer {
        public final Inner inner = new Inner();

        public Inner getInner() {
            return inner;
        }

        public String hello() {
            return "hello";
        }
    }

    private final XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder().registerObject("o", new Outer()).build();

    @Test
    void dottedNamesNeverWalkIntoFieldsOrResults() throws Exception {
        assertThat(dispatcher.dispatch(XmlRpcRequest.of("o.hello")).valueOrThrow().toJava()).isEqualTo("hello"); // the control
        for (String name : List.of("o.inner.run", "o.inner", "o.getInner.run", "o.getInner().run", "o.hello.length",
                "o..hello", "o.hello.", ".o.hello", "o.Inner.run", "o.inner.getClass", "o.getClass.getClassLoader")) {
            assertThat(dispatcher.dispatch(XmlRpcRequest.of(name))).as(name)
                    .isInstanceOfSatisfying(XmlRpcResponse.Failure.class,
                            f -> assertThat(f.faultCode()).isEqualTo(FaultCodes.METHOD_NOT_FOUND));
        }
        assertThat(dispatcher.methodNames()).doesNotContain("o.inner.run", "o.run", "o.inner");
    }
}
