package io.inetkit.socket;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A socket address: an IP host and port ({@link Inet}) or a Unix-domain path ({@link Unix}).
 * Python uses a {@code (host, port)} tuple or a path string for the same thing.
 */
public sealed interface Address permits Address.Inet, Address.Unix {

    /**
     * An IP address and a port.
     *
     * @param host the IP address (already resolved)
     * @param port 0..65535; 0 asks the system for a free port when binding
     */
    record Inet(InetAddress host, int port) implements Address {
        /** Validates the host and the port range. */
        public Inet {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            }
        }

        @Override
        public InetSocketAddress toJava() {
            return new InetSocketAddress(host, port);
        }

        /** {@code 127.0.0.1:80} or {@code [::1]:80}. */
        @Override
        public String toString() {
            String h = IpText.of(host);
            return (host instanceof Inet6Address ? "[" + h + "]" : h) + ":" + port;
        }
    }

    /**
     * A Unix-domain socket path. The empty path is an unnamed socket (a client that never bound).
     *
     * @param path the socket file's path
     */
    record Unix(Path path) implements Address {
        /** Validates the path. */
        public Unix {
            Objects.requireNonNull(path, "path");
        }

        /**
         * Whether this is the unnamed address of a socket that never bound.
         *
         * @return true for the empty path
         */
        public boolean isUnnamed() {
            return path.toString().isEmpty();
        }

        @Override
        public UnixDomainSocketAddress toJava() {
            return UnixDomainSocketAddress.of(path);
        }

        /** The path, or {@code (unnamed)}. */
        @Override
        public String toString() {
            return isUnnamed() ? "(unnamed)" : path.toString();
        }
    }

    /**
     * An IP address from a host name or literal and a port. A name is resolved now (this may
     * query DNS); the first address found is used.
     *
     * @param host a host name or an IPv4/IPv6 literal
     * @param port 0..65535
     * @return the address
     * @throws UnknownHostException if the name does not resolve
     */
    static Inet inet(String host, int port) throws UnknownHostException {
        Objects.requireNonNull(host, "host");
        return new Inet(InetAddress.getByName(host), port);
    }

    /**
     * A Unix-domain address.
     *
     * @param path the socket file's path
     * @return the address
     */
    static Unix unix(Path path) {
        return new Unix(path);
    }

    /**
     * This address as a {@code java.net} socket address.
     *
     * @return an {@link InetSocketAddress} or a {@link UnixDomainSocketAddress}
     */
    SocketAddress toJava();

    /**
     * Converts a {@code java.net} socket address.
     *
     * @param address an {@link InetSocketAddress} (resolved) or a {@link UnixDomainSocketAddress}
     * @return the address
     * @throws IllegalArgumentException for an unresolved or unknown kind of address
     */
    static Address of(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof InetSocketAddress isa) {
            if (isa.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address: " + isa.getHostString());
            }
            return new Inet(isa.getAddress(), isa.getPort());
        }
        if (address instanceof UnixDomainSocketAddress u) {
            return new Unix(u.getPath());
        }
        throw new IllegalArgumentException("unsupported address type: " + address.getClass().getName());
    }
}
