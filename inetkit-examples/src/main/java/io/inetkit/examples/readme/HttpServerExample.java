package io.inetkit.examples.readme;

import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import java.io.IOException;
import java.nio.file.Path;

/** README: the HTTP server. */
public final class HttpServerExample {
    private HttpServerExample() {
    }

    /**
     * Serves a folder and a greeting on a free loopback port.
     *
     * @param folder what to serve under {@code /files/}
     * @return the running server; the caller shuts it down
     * @throws IOException if it cannot listen
     */
    public static HttpServer start(Path folder) throws IOException {
        // README:httpserver
        HttpServer server = HttpServer.builder()
                .bind("127.0.0.1", 0)
                .accessLog(System.out::println)                   // Common Log Format
                .get("/hello", (req, res) ->
                        res.sendText(200, "Hello, " + req.queryParameter("name").orElse("world") + "!"))
                .get("/files/", StaticFiles.of(folder))           // ranges, ETags, listings, no traversal
                .start();
        System.out.println("listening on " + server.uri());
        // server.shutdown(Duration.ofSeconds(5));                // in-flight requests finish
        // README:end
        return server;
    }
}
