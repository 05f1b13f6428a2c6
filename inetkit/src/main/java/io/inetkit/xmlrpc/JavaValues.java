package io.inetkit.xmlrpc;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between plain Java objects and {@link XmlRpcValue}s (untyped direction). */
final class JavaValues {

    /** Deeper than this is almost surely a cycle; XML-RPC peers refuse far less anyway. */
    private static final int MAX_DEPTH = 256;

    private JavaValues() {
    }

    static XmlRpcValue toValue(Object object) {
        return toValue(object, 0);
    }

    private static XmlRpcValue toValue(Object o, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        return switch (o) {
            case null -> XmlRpcValue.NilValue.INSTANCE;
            case XmlRpcValue v -> v;
            case Integer i -> new XmlRpcValue.IntValue(i);
            case Short s -> new XmlRpcValue.IntValue(s);
            case Byte b -> new XmlRpcValue.IntValue(b);
            case Long l -> new XmlRpcValue.LongValue(l);
            case Boolean b -> new XmlRpcValue.BooleanValue(b);
            case CharSequence s -> new XmlRpcValue.StringValue(s.toString());
            case Character c -> new XmlRpcValue.StringValue(c.toString());
            case Enum<?> e -> new XmlRpcValue.StringValue(e.name());
            case Double d -> new XmlRpcValue.DoubleValue(d);
            case Float f -> new XmlRpcValue.DoubleValue(f);
            case byte[] bytes -> new XmlRpcValue.Base64Value(bytes);
            case LocalDateTime t -> new XmlRpcValue.DateTimeValue(t);
            case OffsetDateTime t -> new XmlRpcValue.DateTimeValue(t);
            case ZonedDateTime t -> new XmlRpcValue.DateTimeValue(t.toOffsetDateTime());
            case Instant t -> new XmlRpcValue.DateTimeValue(t.atOffset(ZoneOffset.UTC));
            case Map<?, ?> m -> mapToStruct(m, depth);
            case Record r -> recordToStruct(r, depth);
            case Iterable<?> it -> {
                List<XmlRpcValue> list = new ArrayList<>();
                for (Object e : it) {
                    list.add(toValue(e, depth + 1));
                }
                yield new XmlRpcValue.ArrayValue(list);
            }
            default -> {
                if (o.getClass().isArray()) {
                    int n = Array.getLength(o);
                    List<XmlRpcValue> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(toValue(Array.get(o, i), depth + 1));
                    }
                    yield new XmlRpcValue.ArrayValue(list);
                }
                throw new IllegalArgumentException(
                        "no XML-RPC type for " + o.getClass().getName());
            }
        };
    }

    private static XmlRpcValue mapToStruct(Map<?, ?> map, int depth) {
        Map<String, XmlRpcValue> members = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new IllegalArgumentException("struct member names must be strings, got "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            members.put(name, toValue(e.getValue(), depth + 1));
        }
        return new XmlRpcValue.StructValue(members);
    }

    private static XmlRpcValue recordToStruct(Record r, int depth) {
        Map<String, XmlRpcValue> members = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read record component " + c.getName()
                        + " of " + r.getClass().getName()
                        + " (is the record public and its package exported?)", e);
            }
            members.put(c.getName(), toValue(v, depth + 1));
        }
        return new XmlRpcValue.StructValue(members);
    }

    static Object toJava(XmlRpcValue value) {
        return switch (value) {
            case XmlRpcValue.IntValue v -> v.value();
            case XmlRpcValue.LongValue v -> v.value();
            case XmlRpcValue.BooleanValue v -> v.value();
            case XmlRpcValue.StringValue v -> v.value();
            case XmlRpcValue.DoubleValue v -> v.value();
            case XmlRpcValue.DateTimeValue v -> v.offset() == null
                    ? v.dateTime() : OffsetDateTime.of(v.dateTime(), v.offset());
            case XmlRpcValue.Base64Value v -> v.bytes();
            case XmlRpcValue.StructValue v -> {
                Map<String, Object> map = new LinkedHashMap<>();
                v.members().forEach((k, m) -> map.put(k, toJava(m)));
                yield Collections.unmodifiableMap(map);
            }
            case XmlRpcValue.ArrayValue v -> {
                List<Object> list = new ArrayList<>(v.elements().size());
                v.elements().forEach(e -> list.add(toJava(e)));
                yield Collections.unmodifiableList(list);
            }
            case XmlRpcValue.NilValue v -> null;
        };
    }
}
