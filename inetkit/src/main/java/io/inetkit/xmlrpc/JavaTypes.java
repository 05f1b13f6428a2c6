package io.inetkit.xmlrpc;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a value to a declared Java type (typed proxy results, reflective method
 * parameters). Only widening conversions: int to long or double, never string to number.
 */
final class JavaTypes {

    /** A value does not fit the Java type asked for. */
    static final class MismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    private JavaTypes() {
    }

    static Object convert(XmlRpcValue v, Type type) throws MismatchException {
        if (type instanceof WildcardType w) {
            return convert(v, w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType g) {
            return toArray(v, g.getGenericComponentType(), raw(g.getGenericComponentType()));
        }
        Class<?> raw = raw(type);
        if (raw == Object.class) {
            return v.toJava();
        }
        if (raw.isInstance(v)) {
            return v;
        }
        if (v instanceof XmlRpcValue.NilValue) {
            if (raw.isPrimitive()) {
                throw mismatch(v, type);
            }
            return null;
        }
        Object scalar = scalar(v, raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw.isArray() && raw != byte[].class) {
            return toArray(v, raw.getComponentType(), raw.getComponentType());
        }
        if ((raw == List.class || raw == Collection.class || raw == Iterable.class)
                && v instanceof XmlRpcValue.ArrayValue a) {
            Type element = typeArgument(type, 0);
            List<Object> list = new ArrayList<>(a.elements().size());
            for (XmlRpcValue e : a.elements()) {
                list.add(convert(e, element));
            }
            return java.util.Collections.unmodifiableList(list);
        }
        if (raw == Map.class && v instanceof XmlRpcValue.StructValue s) {
            Type valueType = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, XmlRpcValue> m : s.members().entrySet()) {
                map.put(m.getKey(), convert(m.getValue(), valueType));
            }
            return java.util.Collections.unmodifiableMap(map);
        }
        if (raw.isRecord() && v instanceof XmlRpcValue.StructValue s) {
            return toRecord(s, raw);
        }
        if (raw.isEnum() && v instanceof XmlRpcValue.StringValue s) {
            for (Object c : raw.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(s.value())) {
                    return c;
                }
            }
        }
        throw mismatch(v, type);
    }

    /** Returns the converted scalar, or null when the target is not a scalar type. */
    private static Object scalar(XmlRpcValue v, Class<?> raw) throws MismatchException {
        if (raw == int.class || raw == Integer.class) {
            return switch (v) {
                case XmlRpcValue.IntValue i -> i.value();
                case XmlRpcValue.LongValue l when l.value() == (int) l.value() -> (int) l.value();
                default -> throw mismatch(v, raw);
            };
        }
        if (raw == long.class || raw == Long.class) {
            return switch (v) {
                case XmlRpcValue.IntValue i -> (long) i.value();
                case XmlRpcValue.LongValue l -> l.value();
                default -> throw mismatch(v, raw);
            };
        }
        if (raw == double.class || raw == Double.class) {
            return switch (v) {
                case XmlRpcValue.DoubleValue d -> d.value();
                case XmlRpcValue.IntValue i -> (double) i.value();
                default -> throw mismatch(v, raw);
            };
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (v instanceof XmlRpcValue.BooleanValue b) {
                return b.value();
            }
            throw mismatch(v, raw);
        }
        if (raw == String.class || raw == CharSequence.class) {
            if (v instanceof XmlRpcValue.StringValue s) {
                return s.value();
            }
            throw mismatch(v, raw);
        }
        if (raw == byte[].class) {
            if (v instanceof XmlRpcValue.Base64Value b) {
                return b.bytes();
            }
            throw mismatch(v, raw);
        }
        if (raw == LocalDateTime.class || raw == OffsetDateTime.class || raw == Instant.class) {
            if (!(v instanceof XmlRpcValue.DateTimeValue d)) {
                throw mismatch(v, raw);
            }
            if (raw == LocalDateTime.class) {
                return d.dateTime();
            }
            if (d.offset() == null) {
                throw new MismatchException("dateTime " + XmlRpcWriter.formatDate(d)
                        + " has no zone offset, so it cannot become " + raw.getSimpleName()
                        + "; use LocalDateTime");
            }
            OffsetDateTime t = OffsetDateTime.of(d.dateTime(), d.offset());
            return raw == Instant.class ? t.toInstant() : t;
        }
        return null;
    }

    private static Object toArray(XmlRpcValue v, Type element, Class<?> rawElement)
            throws MismatchException {
        if (!(v instanceof XmlRpcValue.ArrayValue a)) {
            throw mismatch(v, rawElement.arrayType());
        }
        Object array = Array.newInstance(rawElement, a.elements().size());
        for (int i = 0; i < a.elements().size(); i++) {
            Array.set(array, i, convert(a.elements().get(i), element));
        }
        return array;
    }

    private static Object toRecord(XmlRpcValue.StructValue s, Class<?> raw)
            throws MismatchException {
        RecordComponent[] components = raw.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            XmlRpcValue member = s.get(c.getName());
            if (member == null) {
                throw new MismatchException("struct has no member '" + c.getName()
                        + "' for " + raw.getSimpleName());
            }
            args[i] = convert(member, c.getGenericType());
            types[i] = c.getType();
        }
        try {
            Constructor<?> constructor = raw.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new MismatchException("struct does not make a valid " + raw.getSimpleName()
                    + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MismatchException("cannot create " + raw.getName()
                    + " (is the record public and its package exported?): " + e);
        }
    }

    static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case GenericArrayType g -> raw(g.getGenericComponentType()).arrayType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            default -> Object.class;   // type variables: no conversion
        };
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static MismatchException mismatch(XmlRpcValue v, Type type) {
        return new MismatchException("XML-RPC " + typeName(v) + " does not fit Java type "
                + type.getTypeName());
    }

    static String typeName(XmlRpcValue v) {
        return switch (v) {
            case XmlRpcValue.IntValue i -> "int";
            case XmlRpcValue.LongValue l -> "i8";
            case XmlRpcValue.BooleanValue b -> "boolean";
            case XmlRpcValue.StringValue s -> "string";
            case XmlRpcValue.DoubleValue d -> "double";
            case XmlRpcValue.DateTimeValue d -> "dateTime.iso8601";
            case XmlRpcValue.Base64Value b -> "base64";
            case XmlRpcValue.StructValue s -> "struct";
            case XmlRpcValue.ArrayValue a -> "array";
            case XmlRpcValue.NilValue n -> "nil";
        };
    }
}
