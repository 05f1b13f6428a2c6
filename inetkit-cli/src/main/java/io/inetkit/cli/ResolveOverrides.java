package io.inetkit.cli;

import io.inetkit.net.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * curl's {@code --resolve HOST:PORT:ADDR[,ADDR...]}: connections to HOST on PORT go to the given
 * addresses; other hosts and ports are resolved as usual. HOST {@code *} stands for any host.
 */
final class ResolveOverrides implements Resolver {
    private final Map<String, List<InetAddress>> pinned; // "host:port" -> addresses
    private final Resolver fallback;

    private ResolveOverrides(Map<String, List<InetAddress>> pinned, Resolver fallback) {
        this.pinned = pinned;
        this.fallback = fallback;
    }

    /**
     * Parses the --resolve entries.
     *
     * @throws IllegalArgumentException for an entry that is not HOST:PORT:ADDR with IP addresses
     */
    static ResolveOverrides parse(List<String> entries, Resolver fallback) {
        Map<String, List<InetAddress>> pinned = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("\\d{1,5}")
                    || Integer.parseInt(parts[1]) > 65535) {
                throw new IllegalArgumentException("invalid --resolve \"" + entry + "\": use HOST:PORT:ADDR");
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String a : parts[2].split(",")) {
                addresses.add(literal(entry, a.strip()));
            }
            String host = parts[0].toLowerCase(Locale.ROOT);
            pinned.putIfAbsent(host + ":" + Integer.parseInt(parts[1]), List.copyOf(addresses)); // the first wins, as in curl
        }
        return new ResolveOverrides(pinned, fallback);
    }

    /** An IP address without a DNS query: IPv4 dotted quads, IPv6 with or without brackets. */
    private static InetAddress literal(String entry, String a) {
        String bare = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.%a-zA-Z_]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("invalid --resolve \"" + entry + "\": \"" + a + "\" is not an IP address");
        }
        try {
            return InetAddress.getByName(bare); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid --resolve \"" + entry + "\": \"" + a + "\" is not an IP address");
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return fallback.resolve(host);
    }

    @Override
    public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetAddress> addresses = pinned.get(host.toLowerCase(Locale.ROOT) + ":" + port);
        if (addresses == null) {
            addresses = pinned.get("*:" + port);
        }
        return addresses != null ? addresses : fallback.resolve(host, port);
    }
}
