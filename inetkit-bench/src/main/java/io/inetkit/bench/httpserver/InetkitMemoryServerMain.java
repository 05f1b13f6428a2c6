package io.inetkit.bench.httpserver;

import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * An experiment, not a peer: inetkit's {@link HttpServer} answering from memory. The regular files
 * directly in the folder (up to 64 KiB each) are read once at start and sent with
 * {@code ServerResponse.send(byte[])}, so the head and body leave in one write with no file system
 * call per request, as from Jetty's content cache. Anything else goes to {@link StaticFiles}.
 * It measures what the HTTP core costs without the per-request file work.
 *
 * <p>Usage: {@code InetkitMemoryServerMain --port P --dir D}; prints {@code LISTENING <port>}.
 */
public final class InetkitMemoryServerMain {

    private static final long MAX_CACHED = 64 * 1024;

    private InetkitMemoryServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P --dir D}
     * @throws IOException if the port cannot be bound or the folder read
     * @throws InterruptedException never in practice (the main thread parks until killed)
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ServerOptions options = ServerOptions.parse(args, true);
        Map<String, byte[]> cache = new HashMap<>();
        try (Stream<Path> files = Files.list(options.dir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && Files.size(f) <= MAX_CACHED) {
                    cache.put("/" + f.getFileName(), Files.readAllBytes(f));
                }
            }
        }
        StaticFiles files = StaticFiles.of(options.dir());
        HttpServer server = HttpServer.builder()
                .bind("127.0.0.1", options.port())
                .get("/", (req, res) -> {
                    byte[] body = cache.get(req.path());
                    if (body == null) {
                        files.handle(req, res);
                    } else {
                        res.contentType("application/octet-stream").send(body);
                    }
                })
                .start();
        ServerOptions.announce(server.address().getPort());
        new CountDownLatch(1).await();
    }
}
