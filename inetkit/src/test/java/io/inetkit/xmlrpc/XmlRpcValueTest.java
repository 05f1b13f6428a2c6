package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcValue.ArrayValue;
import io.inetkit.xmlrpc.XmlRpcValue.Base64Value;
import io.inetkit.xmlrpc.XmlRpcValue.DateTimeValue;
import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import io.inetkit.xmlrpc.XmlRpcValue.StringValue;
import io.inetkit.xmlrpc.XmlRpcValue.StructValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value records and their mapping to and from plain Java objects. */
class XmlRpcValueTest {

    /** A record that maps to a struct. */
    public record Point(int x, int y, String label) {
    }

    enum Color { RED }

    @Test
    void mapsJavaObjectsToValues() {
        assertThat(XmlRpcValue.of(5)).isEqualTo(new IntValue(5));
        assertThat(XmlRpcValue.of((short) 5)).isEqualTo(new IntValue(5));
        assertThat(XmlRpcValue.of(5L)).isEqualTo(new XmlRpcValue.LongValue(5));
        assertThat(XmlRpcValue.of(2.5f)).isEqualTo(new XmlRpcValue.DoubleValue(2.5));
        assertThat(XmlRpcValue.of(new StringBuilder("sb"))).isEqualTo(new StringValue("sb"));
        assertThat(XmlRpcValue.of('c')).isEqualTo(new StringValue("c"));
        assertThat(XmlRpcValue.of(Color.RED)).isEqualTo(new StringValue("RED"));
        assertThat(XmlRpcValue.of(null)).isEqualTo(XmlRpcValue.NilValue.INSTANCE);
        assertThat(XmlRpcValue.of(new int[] {1, 2})).isEqualTo(
                new ArrayValue(List.of(new IntValue(1), new IntValue(2))));
        assertThat(XmlRpcValue.of(Instant.EPOCH)).isEqualTo(new DateTimeValue(
                LocalDateTime.of(1970, 1, 1, 0, 0), ZoneOffset.UTC));
        assertThat(XmlRpcValue.of(new Point(1, 2, "p"))).isEqualTo(new StructValue(Map.of(
                "x", new IntValue(1), "y", new IntValue(2), "label", new StringValue("p"))));
        assertThatThrownBy(() -> XmlRpcValue.of(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Object");
        assertThatThrownBy(() -> XmlRpcValue.of(Map.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings");
    }

    @Test
    void refusesCycles() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThatThrownBy(() -> XmlRpcValue.of(cyclic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }

    @Test
    void mapsValuesToJavaObjects() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("b", List.of(1, "two", true, 3.5, Arrays.asList(null, 7L)));
        in.put("a", new byte[] {9});
        in.put("t", LocalDateTime.of(2000, 1, 2, 3, 4, 5));
        in.put("o", OffsetDateTime.of(2000, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)));
        Object out = XmlRpcValue.of(in).toJava();
        assertThat(out).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) out;
        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("b", "a", "t", "o"));
        assertThat(map.get("b")).isEqualTo(Arrays.asList(1, "two", true, 3.5,
                Arrays.asList(null, 7L)));
        assertThat((byte[]) map.get("a")).containsExactly(9);
        assertThat(map.get("t")).isEqualTo(LocalDateTime.of(2000, 1, 2, 3, 4, 5));
        assertThat(map.get("o")).isEqualTo(OffsetDateTime.of(2000, 1, 2, 3, 4, 5, 0,
                ZoneOffset.ofHours(1)));
    }

    @Test
    void recordsCopyAndCompareByContent() {
        byte[] data = {1, 2, 3};
        Base64Value b = new Base64Value(data);
        data[0] = 99;
        assertThat(b.bytes()).containsExactly(1, 2, 3);
        b.bytes()[1] = 99;
        assertThat(b).isEqualTo(new Base64Value(new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new Base64Value(new byte[] {1, 2, 3}));
        assertThat(b.toString()).contains("3 bytes");
        Map<String, XmlRpcValue> members = new LinkedHashMap<>();
        members.put("k", new IntValue(1));
        StructValue s = new StructValue(members);
        members.put("j", new IntValue(2));
        assertThat(s.members()).containsOnlyKeys("k");
        assertThatThrownBy(() -> s.members().put("x", new IntValue(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new DateTimeValue(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 999_000_000)))
                .isEqualTo(new DateTimeValue(LocalDateTime.of(2000, 1, 1, 0, 0, 0)));
    }

    @Test
    void configValidatesLimits() {
        assertThatThrownBy(() -> XmlRpcConfig.builder().maxDepth(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThat(XmlRpcConfig.DEFAULT.extensions()).isFalse();
        assertThat(XmlRpcConfig.DEFAULT.maxDepth()).isEqualTo(64);
    }
}
