package io.inetkit.socket;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.util.Map;

/** Setting and reading {@link Option}s on whichever NIO channel a socket holds right now. */
final class OptionSupport {
    private OptionSupport() {
    }

    static <T> void set(NetworkChannel channel, Family family, Option<T> option, T value, String what)
            throws IOException {
        T v = option.type().cast(value); // catches raw-typed callers
        if (option.jdkOption() == null) {
            setV6Only(family, (Boolean) v, what);
            return;
        }
        requireSupported(channel, option, what);
        try {
            channel.setOption(option.jdkOption(), v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option.name() + ": invalid value " + v + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            Errno errno = Errno.fromException(e);
            throw new SocketFailureException(errno, "cannot set " + option.name() + " on " + what + ": "
                    + SocketCore.explain(errno, e), e);
        }
    }

    static <T> T get(NetworkChannel channel, Family family, Option<T> option, String what) throws IOException {
        if (option.jdkOption() == null) {
            requireInet6(family, what);
            return option.type().cast(Boolean.FALSE);
        }
        requireSupported(channel, option, what);
        return channel.getOption(option.jdkOption());
    }

    /** Applies remembered options to a new channel; those it lacks are skipped when {@code skipUnsupported}. */
    static void replay(NetworkChannel channel, Family family, Map<Option<?>, Object> options,
            boolean skipUnsupported, String what) throws IOException {
        for (Map.Entry<Option<?>, Object> e : options.entrySet()) {
            Option<?> option = e.getKey();
            if (skipUnsupported && option.jdkOption() != null
                    && !channel.supportedOptions().contains(option.jdkOption())) {
                continue;
            }
            setErased(channel, family, option, e.getValue(), what);
        }
    }

    private static <T> void setErased(NetworkChannel channel, Family family, Option<T> option, Object value,
            String what) throws IOException {
        set(channel, family, option, option.type().cast(value), what);
    }

    private static void requireSupported(NetworkChannel channel, Option<?> option, String what) {
        if (!channel.supportedOptions().contains(option.jdkOption())) {
            throw new UnsupportedOperationException(
                    option.name() + " is not supported by " + what + " on this platform");
        }
    }

    private static void setV6Only(Family family, boolean v6only, String what) {
        requireInet6(family, what);
        if (v6only) {
            throw new UnsupportedOperationException("IPV6_V6ONLY=true is not available: the JDK opens "
                    + "every IPv6 socket dual-stack and cannot change it; bind an IPv6 address other than :: "
                    + "to refuse IPv4 clients");
        }
    }

    private static void requireInet6(Family family, String what) {
        if (family != Family.INET6) {
            throw new UnsupportedOperationException("IPV6_V6ONLY applies to INET6 sockets only, not to " + what);
        }
    }
}
