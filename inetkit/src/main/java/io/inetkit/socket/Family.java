package io.inetkit.socket;

import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;

/** An address family, Python's {@code AF_INET}, {@code AF_INET6} and {@code AF_UNIX}. */
public enum Family {
    /** IPv4. */
    INET,
    /** IPv6 (dual-stack: the JDK opens IPv6 sockets with {@code IPV6_V6ONLY} off). */
    INET6,
    /** Unix-domain sockets named by a file system path. */
    UNIX;

    /** The NIO protocol family for this family. */
    ProtocolFamily protocolFamily() {
        return switch (this) {
            case INET -> StandardProtocolFamily.INET;
            case INET6 -> StandardProtocolFamily.INET6;
            case UNIX -> StandardProtocolFamily.UNIX;
        };
    }

    /**
     * The family an address belongs to: {@link #UNIX} for a path, {@link #INET} for an IPv4
     * host and {@link #INET6} for an IPv6 host.
     *
     * @param address the address
     * @return its family
     */
    public static Family of(Address address) {
        return switch (address) {
            case Address.Unix u -> UNIX;
            case Address.Inet i -> i.host() instanceof java.net.Inet6Address ? INET6 : INET;
        };
    }
}
