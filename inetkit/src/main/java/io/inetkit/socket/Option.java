package io.inetkit.socket;

import java.util.Objects;

/**
 * A socket option with a typed value, as in {@code socket.setOption(Options.TCP_NODELAY, true)}.
 * The constants live in {@link Options}.
 *
 * @param <T> the value type
 */
public final class Option<T> {
    private final String name;
    private final Class<T> type;
    private final java.net.SocketOption<T> jdkOption;

    Option(String name, Class<T> type, java.net.SocketOption<T> jdkOption) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.jdkOption = jdkOption;
    }

    /**
     * The option's C name, such as {@code SO_REUSEADDR}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The type of the option's value.
     *
     * @return the value type
     */
    public Class<T> type() {
        return type;
    }

    /** The JDK option behind it, or null when the JDK has none and the socket emulates it. */
    java.net.SocketOption<T> jdkOption() {
        return jdkOption;
    }

    /** The option's name. */
    @Override
    public String toString() {
        return name;
    }
}
