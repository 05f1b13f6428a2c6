package io.inetkit.bench.httpserver;

import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * inetkit's static file server for the benchmark: {@link HttpServer} with
 * {@link StaticFiles} on {@code /}, default limits, no access log (nginx and Jetty log
 * nothing either in this benchmark).
 *
 * <p>Usage: {@code InetkitStaticServerMain --port P --dir D}; prints {@code LISTENING <port>}
 * and serves until the process is killed.
 */
public final class InetkitStaticServerMain {

    private InetkitStaticServerMain() {
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
        HttpServer server = HttpServer.builder()
                .bind("127.0.0.1", options.port())
                .get("/", StaticFiles.of(options.dir()))
                .start();
        ServerOptions.announce(server.address().getPort());
        new CountDownLatch(1).await();
    }
}
