package io.inetkit.socket;

import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.util.List;
import jdk.net.ExtendedSocketOptions;

/**
 * The socket options {@link Socket#setOption} and {@link Socket#getOption} accept. Each maps to
 * the JDK option of the same meaning. An option the platform or the socket's kind lacks fails
 * with an {@link UnsupportedOperationException} that names it.
 */
public final class Options {
    /** Allow binding an address still in TIME_WAIT. */
    public static final Option<Boolean> SO_REUSEADDR =
            new Option<>("SO_REUSEADDR", Boolean.class, StandardSocketOptions.SO_REUSEADDR);
    /** Let several sockets bind the same address and port (Linux, BSD). */
    public static final Option<Boolean> SO_REUSEPORT =
            new Option<>("SO_REUSEPORT", Boolean.class, StandardSocketOptions.SO_REUSEPORT);
    /** Send TCP keep-alive probes on an idle connection. */
    public static final Option<Boolean> SO_KEEPALIVE =
            new Option<>("SO_KEEPALIVE", Boolean.class, StandardSocketOptions.SO_KEEPALIVE);
    /** Receive buffer size in bytes (the kernel may round or double it). */
    public static final Option<Integer> SO_RCVBUF =
            new Option<>("SO_RCVBUF", Integer.class, StandardSocketOptions.SO_RCVBUF);
    /** Send buffer size in bytes (the kernel may round or double it). */
    public static final Option<Integer> SO_SNDBUF =
            new Option<>("SO_SNDBUF", Integer.class, StandardSocketOptions.SO_SNDBUF);
    /** Linger on close for this many seconds; negative disables it. */
    public static final Option<Integer> SO_LINGER =
            new Option<>("SO_LINGER", Integer.class, StandardSocketOptions.SO_LINGER);
    /** Allow sending datagrams to a broadcast address. */
    public static final Option<Boolean> SO_BROADCAST =
            new Option<>("SO_BROADCAST", Boolean.class, StandardSocketOptions.SO_BROADCAST);
    /** Disable Nagle's algorithm: send small segments at once. */
    public static final Option<Boolean> TCP_NODELAY =
            new Option<>("TCP_NODELAY", Boolean.class, StandardSocketOptions.TCP_NODELAY);
    /** Seconds of idleness before the first keep-alive probe. */
    public static final Option<Integer> TCP_KEEPIDLE =
            new Option<>("TCP_KEEPIDLE", Integer.class, ExtendedSocketOptions.TCP_KEEPIDLE);
    /** Seconds between keep-alive probes. */
    public static final Option<Integer> TCP_KEEPINTERVAL =
            new Option<>("TCP_KEEPINTERVAL", Integer.class, ExtendedSocketOptions.TCP_KEEPINTERVAL);
    /** Unanswered keep-alive probes before the connection is dropped. */
    public static final Option<Integer> TCP_KEEPCOUNT =
            new Option<>("TCP_KEEPCOUNT", Integer.class, ExtendedSocketOptions.TCP_KEEPCOUNT);
    /** The IP type-of-service / traffic class byte. */
    public static final Option<Integer> IP_TOS =
            new Option<>("IP_TOS", Integer.class, StandardSocketOptions.IP_TOS);
    /**
     * Whether an IPv6 socket refuses IPv4 traffic. The JDK opens every IPv6 socket dual-stack
     * and offers no way to change it: reading gives {@code false}; setting {@code false} is
     * accepted; setting {@code true} fails with {@link UnsupportedOperationException}.
     */
    public static final Option<Boolean> IPV6_V6ONLY = new Option<>("IPV6_V6ONLY", Boolean.class, null);
    /** The network interface for outgoing multicast datagrams. */
    public static final Option<NetworkInterface> IP_MULTICAST_IF =
            new Option<>("IP_MULTICAST_IF", NetworkInterface.class, StandardSocketOptions.IP_MULTICAST_IF);
    /** Time-to-live of outgoing multicast datagrams (0..255). */
    public static final Option<Integer> IP_MULTICAST_TTL =
            new Option<>("IP_MULTICAST_TTL", Integer.class, StandardSocketOptions.IP_MULTICAST_TTL);
    /** Whether outgoing multicast datagrams loop back to this host. */
    public static final Option<Boolean> IP_MULTICAST_LOOP =
            new Option<>("IP_MULTICAST_LOOP", Boolean.class, StandardSocketOptions.IP_MULTICAST_LOOP);

    /** Every option above, in declaration order. */
    public static final List<Option<?>> ALL = List.of(SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE,
            SO_RCVBUF, SO_SNDBUF, SO_LINGER, SO_BROADCAST, TCP_NODELAY, TCP_KEEPIDLE,
            TCP_KEEPINTERVAL, TCP_KEEPCOUNT, IP_TOS, IPV6_V6ONLY, IP_MULTICAST_IF,
            IP_MULTICAST_TTL, IP_MULTICAST_LOOP);

    private Options() {
    }
}
