package io.inetkit.text;

import java.util.Objects;

/**
 * One header field, as received: the name keeps its case, the value is unfolded and has no
 * leading or trailing blanks.
 *
 * @param name the field name, e.g. {@code Subject}
 * @param value the field value
 */
public record Header(String name, String value) {

    /** Validates the header. */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
    }

    /**
     * Tells whether this header has the given name, ignoring ASCII case.
     *
     * @param other a header name
     * @return true if the names match
     */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
