package io.inetkit.cli;

import io.inetkit.net.Resolver;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * curl's {@code -4} and {@code -6}: keeps only the addresses of one family from another
 * resolver (the system's, or {@link ResolveOverrides} for --resolve), so connections never try
 * the other family. A host without such an address is unknown (exit 6).
 */
final class AddressFamilyResolver implements Resolver {
    /** The address family to keep. */
    enum Family {
        IPV4("IPv4", "-4"),
        IPV6("IPv6", "-6");

        private final String label;
        private final String option;

        Family(String label, String option) {
            this.label = label;
            this.option = option;
        }

        boolean contains(InetAddress a) {
            return this == IPV4 ? a instanceof Inet4Address : a instanceof Inet6Address;
        }
    }

    /** The host has addresses, but none of the family asked for; the message says which option. */
    static final class NoAddressOfFamily extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        NoAddressOfFamily(String message) {
            super(message);
        }
    }

    private final Family family;
    private final Resolver next;

    AddressFamilyResolver(Family family, Resolver next) {
        this.family = family;
        this.next = next;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return keep(host, next.resolve(host));
    }

    @Override
    public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
        return keep(host, next.resolve(host, port));
    }

    private List<InetAddress> keep(String host, List<InetAddress> all) throws UnknownHostException {
        List<InetAddress> kept = all.stream().filter(family::contains).toList();
        if (kept.isEmpty()) {
            throw new NoAddressOfFamily("could not resolve host " + host + ": it has no " + family.label
                    + " address (" + family.option + " allows only " + family.label + ")");
        }
        return kept;
    }
}
