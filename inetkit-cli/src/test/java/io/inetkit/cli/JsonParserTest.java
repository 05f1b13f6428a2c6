package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's small JSON parser and the XML-RPC argument rules. */
class JsonParserTest {
    @Test
    void parsesValues() {
        assertThat(JsonParser.parse(" {\"a\": [1, 2.5, -3e2, \"x\\u0041\\n\", true, false, null], \"b\": {}} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1, 2.5, -300.0, "xA\n", true, false, null), "b", Map.of()));
        assertThat(JsonParser.parse("12345678901")).isEqualTo(12345678901L);
        assertThat(JsonParser.parse("[]")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,]", "{\"a\" 1}", "01", "1.", "\"open", "[1] x", "{\"a\":1,\"a\":2}", "tru", "-", "\"\t\""})
    void refusesMalformedInput(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at character");
    }

    @Test
    void boundsNesting() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 2) + "]".repeat(JsonParser.MAX_DEPTH + 2);
        assertThatThrownBy(() -> JsonParser.parse(deep)).hasMessageContaining("nested deeper");
    }

    @Test
    void argumentTypes() {
        assertThat(XmlRpcArgs.parse("7")).isEqualTo(new XmlRpcValue.IntValue(7));
        assertThat(XmlRpcArgs.parse("-5000000000")).isEqualTo(new XmlRpcValue.LongValue(-5_000_000_000L));
        assertThat(XmlRpcArgs.parse("2.5")).isEqualTo(new XmlRpcValue.DoubleValue(2.5));
        assertThat(XmlRpcArgs.parse("1e3")).isEqualTo(new XmlRpcValue.DoubleValue(1000));
        assertThat(XmlRpcArgs.parse("true")).isEqualTo(XmlRpcValue.BooleanValue.TRUE);
        assertThat(XmlRpcArgs.parse("NaN")).isEqualTo(new XmlRpcValue.StringValue("NaN"));
        assertThat(XmlRpcArgs.parse("hello")).isEqualTo(new XmlRpcValue.StringValue("hello"));
        assertThat(XmlRpcArgs.parse("[1]")).isInstanceOf(XmlRpcValue.ArrayValue.class);
    }
}
