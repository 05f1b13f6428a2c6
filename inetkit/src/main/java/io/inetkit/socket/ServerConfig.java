package io.inetkit.socket;

/**
 * How {@link Sockets#createServer(Address, ServerConfig)} sets up a listening socket: the
 * keyword arguments of Python's {@code create_server}.
 *
 * @param backlog the accept queue, at least 1
 * @param reusePort set {@code SO_REUSEPORT} so several servers can share the port
 * @param dualStackIpv6 on an IPv6 address, accept IPv4 clients too (needs an INET6 address)
 */
public record ServerConfig(int backlog, boolean reusePort, boolean dualStackIpv6) {
    /** Backlog 128, no port sharing, no dual-stack request. */
    public static final ServerConfig DEFAULT = new ServerConfig(128, false, false);

    /** Validates the backlog. */
    public ServerConfig {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
    }

    /**
     * A copy with another backlog.
     *
     * @param backlog the accept queue, at least 1
     * @return the new configuration
     */
    public ServerConfig withBacklog(int backlog) {
        return new ServerConfig(backlog, reusePort, dualStackIpv6);
    }

    /**
     * A copy with {@code SO_REUSEPORT} on or off.
     *
     * @param reusePort whether to share the port
     * @return the new configuration
     */
    public ServerConfig withReusePort(boolean reusePort) {
        return new ServerConfig(backlog, reusePort, dualStackIpv6);
    }

    /**
     * A copy that asks for (or not) a dual-stack IPv6 socket.
     *
     * @param dualStackIpv6 whether IPv4 clients may connect to an IPv6 server
     * @return the new configuration
     */
    public ServerConfig withDualStackIpv6(boolean dualStackIpv6) {
        return new ServerConfig(backlog, reusePort, dualStackIpv6);
    }
}
