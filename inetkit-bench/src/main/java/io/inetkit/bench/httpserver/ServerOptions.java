package io.inetkit.bench.httpserver;

import io.inetkit.bench.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Command line shared by the benchmark's HTTP servers: {@code --port P} (0 = any free port)
 * and, for the static-file servers, {@code --dir D}. Every server binds to 127.0.0.1 and prints
 * {@code LISTENING <port>} on stdout once bound.
 *
 * @param port the TCP port to bind on loopback, 0 for any free port
 * @param dir the folder to serve (null for servers that serve no files)
 */
public record ServerOptions(int port, Path dir) {

    /** Validates the values. */
    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir is not a folder: " + dir);
        }
    }

    /**
     * Parses {@code --port P [--dir D]}.
     *
     * @param args the program arguments
     * @param needsDir whether {@code --dir} is required
     * @return the parsed options
     */
    public static ServerOptions parse(String[] args, boolean needsDir) {
        Args a = new Args(args, Set.of("port", "dir"));
        Path dir = a.path("dir");
        if (needsDir && dir == null) {
            throw new IllegalArgumentException("--dir D is required");
        }
        return new ServerOptions(a.integer("port", 0, 0), dir);
    }

    /**
     * Announces the bound port the way the run scripts expect it.
     *
     * @param boundPort the port the server listens on
     */
    public static void announce(int boundPort) {
        System.out.println("LISTENING " + boundPort);
        System.out.flush();
    }
}
