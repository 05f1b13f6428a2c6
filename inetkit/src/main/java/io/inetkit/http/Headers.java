package io.inetkit.http;

import io.inetkit.text.Header;
import io.inetkit.text.HeaderBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered multimap of HTTP header fields. Lookup ignores ASCII case; names keep
 * the case they were given in. Names must be tokens and values must not contain CR, LF or NUL.
 *
 * <pre>{@code
 * Headers h = Headers.builder().add("Accept", "text/html").add("Accept", "*&#47;*").build();
 * h.all("accept");                     // [text/html, *&#47;*]
 * Headers h2 = h.with("X-Trace", "1");  // a copy with one more field
 * }</pre>
 */
public final class Headers {

    /** No fields. */
    public static final Headers EMPTY = new Headers(new String[0]);

    /** name0, value0, name1, value1, ... */
    private final String[] fields;

    private Headers(String[] fields) {
        this.fields = fields;
    }

    /**
     * Creates headers from alternating names and values.
     *
     * @param namesAndValues name, value, name, value, ...
     * @return the headers
     * @throws IllegalArgumentException if the count is odd or a name or value is invalid
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name, value pairs, got " + namesAndValues.length + " strings");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Wraps a header block received and already validated by the strict reader. */
    static Headers fromBlock(HeaderBlock block) {
        List<Header> list = block.headers();
        String[] f = new String[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            f[2 * i] = list.get(i).name();
            f[2 * i + 1] = list.get(i).value();
        }
        return new Headers(f);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder(new String[16], 0);
    }

    /** @return a builder holding these fields */
    public Builder toBuilder() {
        return new Builder(Arrays.copyOf(fields, Math.max(16, fields.length * 2)), fields.length);
    }

    /**
     * The first value of a field.
     *
     * @param name the field name, any case
     * @return the value, or empty if absent
     */
    public Optional<String> first(String name) {
        return Optional.ofNullable(firstOrNull(name));
    }

    /**
     * The first value of a field, or null; cheaper than {@link #first(String)} in hot paths.
     *
     * @param name the field name, any case
     * @return the value or null
     */
    public String firstOrNull(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /**
     * All values of a field in order.
     *
     * @param name the field name, any case
     * @return the values, possibly empty
     */
    public List<String> all(String name) {
        List<String> out = null;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(fields[i + 1]);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /**
     * Tells whether a field is present.
     *
     * @param name the field name, any case
     * @return true if at least one field has that name
     */
    public boolean contains(String name) {
        return firstOrNull(name) != null;
    }

    /** @return the number of fields (a name repeated counts each time) */
    public int size() {
        return fields.length / 2;
    }

    /** @return true if there are no fields */
    public boolean isEmpty() {
        return fields.length == 0;
    }

    /**
     * The name of the i-th field.
     *
     * @param i index from 0
     * @return the name as given
     */
    public String name(int i) {
        return fields[2 * Objects.checkIndex(i, size())];
    }

    /**
     * The value of the i-th field.
     *
     * @param i index from 0
     * @return the value
     */
    public String value(int i) {
        return fields[2 * Objects.checkIndex(i, size()) + 1];
    }

    /** @return the distinct names in first-seen order, in the case first seen */
    public Set<String> names() {
        Set<String> seen = new LinkedHashSet<>();
        outer:
        for (int i = 0; i < fields.length; i += 2) {
            for (String s : seen) {
                if (s.equalsIgnoreCase(fields[i])) {
                    continue outer;
                }
            }
            seen.add(fields[i]);
        }
        return Collections.unmodifiableSet(seen);
    }

    /** @return the fields in order */
    public List<Header> list() {
        List<Header> out = new ArrayList<>(size());
        forEach((n, v) -> out.add(new Header(n, v)));
        return List.copyOf(out);
    }

    /**
     * Visits every field in order.
     *
     * @param action receives name and value
     */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < fields.length; i += 2) {
            action.accept(fields[i], fields[i + 1]);
        }
    }

    /**
     * Returns a copy with one more field at the end.
     *
     * @param name field name
     * @param value field value
     * @return the copy
     */
    public Headers with(String name, String value) {
        return toBuilder().add(name, value).build();
    }

    /**
     * Returns a copy where {@code name} has exactly this one value (replacing all earlier ones).
     *
     * @param name field name
     * @param value field value
     * @return the copy
     */
    public Headers withReplaced(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /**
     * Returns a copy without any field of that name.
     *
     * @param name the field name, any case
     * @return the copy (this if absent)
     */
    public Headers without(String name) {
        return contains(name) ? toBuilder().remove(name).build() : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && Arrays.equals(fields, h.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    /** @return the fields as {@code Name: value} lines joined by {@code \n} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        forEach((n, v) -> sb.append(n).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** Builds {@link Headers}; every name and value is checked when added. Not thread-safe. */
    public static final class Builder {
        private String[] fields;
        private int n;

        private Builder(String[] fields, int n) {
            this.fields = fields;
            this.n = n;
        }

        /**
         * Adds a field at the end.
         *
         * @param name a token
         * @param value the value, without CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException if the name or value is invalid
         */
        public Builder add(String name, String value) {
            HttpSyntax.checkName(name);
            HttpSyntax.checkValue(name, value);
            if (n + 2 > fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2 + 2);
            }
            fields[n++] = name;
            fields[n++] = value;
            return this;
        }

        /**
         * Replaces all fields of that name by one.
         *
         * @param name a token
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            HttpSyntax.checkName(name);
            HttpSyntax.checkValue(name, value);
            remove(name);
            return add(name, value);
        }

        /**
         * Removes every field of that name.
         *
         * @param name the name, any case
         * @return this builder
         */
        public Builder remove(String name) {
            int w = 0;
            for (int r = 0; r < n; r += 2) {
                if (!fields[r].equalsIgnoreCase(name)) {
                    fields[w++] = fields[r];
                    fields[w++] = fields[r + 1];
                }
            }
            Arrays.fill(fields, w, n, null);
            n = w;
            return this;
        }

        /**
         * Adds every field of other headers.
         *
         * @param other the headers to add
         * @return this builder
         */
        public Builder addAll(Headers other) {
            other.forEach(this::add);
            return this;
        }

        /** @return true if a field of that name was added */
        boolean has(String name) {
            for (int i = 0; i < n; i += 2) {
                if (fields[i].equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        /** @return the immutable headers */
        public Headers build() {
            return n == 0 ? EMPTY : new Headers(Arrays.copyOf(fields, n));
        }
    }
}
