package io.inetkit.xmlrpc;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One XML-RPC value: the spec's eight types plus the {@code nil} and {@code i8} extensions.
 *
 * <p>Use an exhaustive {@code switch} over the records to inspect a value, or
 * {@link #toJava()} for plain Java objects. {@link #of(Object)} builds a value from plain
 * Java objects.
 */
public sealed interface XmlRpcValue {

    /**
     * Converts a plain Java object to a value.
     *
     * <p>Mapping: {@code null} to nil; Integer, Short, Byte to int; Long to i8; Boolean;
     * String, Character, other CharSequence and enum constants (by name) to string; Double,
     * Float to double; {@code byte[]} to base64; LocalDateTime, OffsetDateTime,
     * ZonedDateTime, Instant (UTC) to dateTime; Map with String keys and records to struct;
     * Iterable and Java arrays to array; an XmlRpcValue as it is.
     *
     * @param object the object, may be null
     * @return the value
     * @throws IllegalArgumentException if the object (or something inside it) has no
     *     XML-RPC form, or the structure is cyclic or nested too deeply
     */
    static XmlRpcValue of(Object object) {
        return JavaValues.toValue(object);
    }

    /**
     * Converts this value to plain Java objects: Integer, Long, Boolean, String, Double,
     * {@code byte[]} (a copy), LocalDateTime (no zone given) or OffsetDateTime,
     * an unmodifiable ordered {@code Map<String, Object>}, an unmodifiable
     * {@code List<Object>}, or {@code null} for nil.
     *
     * @return the Java form of this value
     */
    default Object toJava() {
        return JavaValues.toJava(this);
    }

    /**
     * A 32-bit integer ({@code <int>} or {@code <i4>}).
     *
     * @param value the number
     */
    record IntValue(int value) implements XmlRpcValue {
    }

    /**
     * A 64-bit integer (the {@code <i8>} extension; needs {@link XmlRpcConfig#extensions()}
     * unless it fits in an int).
     *
     * @param value the number
     */
    record LongValue(long value) implements XmlRpcValue {
    }

    /**
     * A boolean ({@code <boolean>} 0 or 1).
     *
     * @param value the truth value
     */
    record BooleanValue(boolean value) implements XmlRpcValue {
        /** True. */
        public static final BooleanValue TRUE = new BooleanValue(true);
        /** False. */
        public static final BooleanValue FALSE = new BooleanValue(false);
    }

    /**
     * A string ({@code <string>}, or text directly inside {@code <value>}).
     *
     * @param value the text, not null
     */
    record StringValue(String value) implements XmlRpcValue {
        /** Checks the text is present. */
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A double-precision number; XML-RPC has no NaN or infinity, so writing them fails.
     *
     * @param value the number
     */
    record DoubleValue(double value) implements XmlRpcValue {
    }

    /**
     * A {@code <dateTime.iso8601>}. XML-RPC dates carry no zone as a rule; when the sender
     * gave one ({@code Z} or {@code +hh:mm}) it is kept in {@code offset}. Fractions of a
     * second are dropped, since the format has none.
     *
     * @param dateTime the date and time as written
     * @param offset the zone offset the sender gave, or null when none
     */
    record DateTimeValue(LocalDateTime dateTime, ZoneOffset offset) implements XmlRpcValue {
        /** Checks the date is present and drops fractions of a second. */
        public DateTimeValue {
            Objects.requireNonNull(dateTime, "dateTime");
            dateTime = dateTime.truncatedTo(ChronoUnit.SECONDS);
        }

        /**
         * Creates a value without a zone.
         *
         * @param dateTime the date and time
         */
        public DateTimeValue(LocalDateTime dateTime) {
            this(dateTime, null);
        }

        /**
         * Creates a value with a zone offset.
         *
         * @param dateTime the date, time and offset
         */
        public DateTimeValue(OffsetDateTime dateTime) {
            this(dateTime.toLocalDateTime(), dateTime.getOffset());
        }
    }

    /**
     * Binary data ({@code <base64>}). The array is copied in and out.
     *
     * @param bytes the data
     */
    record Base64Value(byte[] bytes) implements XmlRpcValue {
        /** Copies the data. */
        public Base64Value {
            bytes = bytes.clone();
        }

        /**
         * Returns a copy of the data.
         *
         * @return the bytes
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Compares the bytes. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Base64Value b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Base64Value[" + bytes.length + " bytes]";
        }
    }

    /**
     * A {@code <struct>}: named members in the order they were given.
     *
     * @param members the members, copied into an unmodifiable map that keeps their order
     */
    record StructValue(Map<String, XmlRpcValue> members) implements XmlRpcValue {
        /** Copies the members, keeping their order, and checks for nulls. */
        public StructValue {
            LinkedHashMap<String, XmlRpcValue> copy = new LinkedHashMap<>();
            members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "member name"),
                    Objects.requireNonNull(v, "member value")));
            members = Collections.unmodifiableMap(copy);
        }

        /**
         * Returns one member.
         *
         * @param name the member name
         * @return the member's value, or null if there is none
         */
        public XmlRpcValue get(String name) {
            return members.get(name);
        }
    }

    /**
     * An {@code <array>}.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    record ArrayValue(List<XmlRpcValue> elements) implements XmlRpcValue {
        /** Copies the elements. */
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /**
     * The {@code <nil/>} extension; needs {@link XmlRpcConfig#extensions()}.
     */
    record NilValue() implements XmlRpcValue {
        /** The one nil value. */
        public static final NilValue INSTANCE = new NilValue();
    }
}
