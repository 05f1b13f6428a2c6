package io.inetkit.bench.greet;

import io.inetkit.bench.Args;
import java.util.Set;

/**
 * Command-line contract shared by the benchmark's greeting servers: {@code --port P}
 * (0 = any free port) and optional {@code --threads T}. Every server prints
 * {@code LISTENING <port>} on stdout once bound.
 *
 * @param port the TCP port to bind on loopback, 0 for any free port
 * @param threads the number of I/O threads where the server has a choice (Netty)
 */
public record ServerArgs(int port, int threads) {

    /** Validates the values. */
    public ServerArgs {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be 1..64, got " + threads);
        }
    }

    /**
     * Parses {@code --port P [--threads T]}.
     *
     * @param args the program arguments
     * @return the parsed arguments
     */
    public static ServerArgs parse(String[] args) {
        Args a = new Args(args, Set.of("port", "threads"));
        return new ServerArgs(a.integer("port", 0, 0), a.integer("threads", 1, 1));
    }

}
