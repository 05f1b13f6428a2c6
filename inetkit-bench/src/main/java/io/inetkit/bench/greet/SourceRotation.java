package io.inetkit.bench.greet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Client-side local addresses for many loopback connections: 127.0.0.1 for the first
 * {@code perSource} connections, then 127.0.0.2, and so on, because one source address has
 * only ~28k ephemeral ports towards one server port. Ports are chosen here, in turn, rather
 * than by {@code bind(port 0)}: Linux's port-0 search gets very slow once about half the
 * range is in use (bind(0) prefers even ports; measured 10 s per 2,000 binds past 14,000).
 */
final class SourceRotation {

    private final InetAddress[] sources;
    private final int perSource;
    private final int low;
    private final int high;
    private final int[] next;

    SourceRotation(int connections, int perSource) throws UnknownHostException {
        int count = (connections + perSource - 1) / perSource;
        if (count > 250) {
            throw new IllegalArgumentException("too many source addresses needed: " + count);
        }
        this.sources = new InetAddress[count];
        for (int i = 0; i < count; i++) {
            sources[i] = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i)});
        }
        this.perSource = perSource;
        int[] range = portRange();
        this.low = range[0];
        this.high = range[1];
        this.next = new int[count];
        java.util.Arrays.fill(next, low);
    }

    int sourceCount() {
        return sources.length;
    }

    /** The next local address to try for connection {@code index} (call again after EADDRINUSE). */
    InetSocketAddress next(int index) {
        int s = Math.min(index / perSource, sources.length - 1);
        int port = next[s];
        next[s] = port >= high ? low : port + 1;
        return new InetSocketAddress(sources[s], port);
    }

    private static int[] portRange() {
        try {
            String[] f = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32768, 60999};
        }
    }
}
