package io.inetkit.cli;

import io.inetkit.examples.PageFetcher;
import io.inetkit.greet.GreetClient;
import io.inetkit.greet.GreetProtocol;
import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code inet demo}: the README's main job. Runs the tutorial's programs against each
 * other on loopback and shows both sides.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Run the tutorial's programs on loopback and show both sides: a greeting server on",
            "a free port, the tutorial's client conversation against it, then a clean stop; then",
            "a folder served over HTTP and fetched with the tutorial's socket page fetcher."})
final class DemoCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ReentrantLock outLock = new ReentrantLock();
        Side server = new Side("server", out, outLock);
        Side client = new Side("client", out, outLock);

        out.println("== The tutorial's greeting server and client (seed items 4 and 5)");
        GreetServerOptions options = GreetServerOptions.defaults()
                .withBind(new InetSocketAddress("127.0.0.1", 0))
                .withLog(server::say);
        GreetServer greetServer = GreetServer.start(options);
        try {
            InetSocketAddress where = greetServer.localAddress();
            server.say("listening on " + where.getAddress().getHostAddress() + ":" + where.getPort());
            try (GreetClient greet = GreetClient.connect("127.0.0.1", where.getPort(), TIMEOUT)) {
                client.say(greet.welcome());
                for (String name : GreetProtocol.TUTORIAL_MESSAGES) {
                    client.say(greet.greet(name));
                }
            }
        } finally {
            greetServer.shutdown(Duration.ofSeconds(5));
        }
        server.say("stopped after " + greetServer.stats().completed() + " connection(s)");
        out.println();
        fetchAPage(server, client);
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * Seed item 3: the tutorial's page fetcher, written with {@code io.inetkit.socket}, against
     * inetkit's HTTP server serving a folder on loopback.
     */
    private void fetchAPage(Side server, Side client) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("== The tutorial's page fetcher (seed item 3) against inetkit's HTTP server");
        Path site = Files.createTempDirectory("inet-demo-site");
        Files.writeString(site.resolve("index.html"), PAGE);
        HttpServer http = HttpServer.builder().bind("127.0.0.1", 0).accessLog(server::say)
                .get("/", StaticFiles.of(site)).start();
        try {
            server.say("serving " + site + " on " + http.uri());
            PageFetcher.Page page = PageFetcher.fetch("127.0.0.1", http.address().getPort(), "/", TIMEOUT);
            page.headers().lines().forEach(client::say);
            Path saved = site.resolve("page.html");
            Files.write(saved, page.body());
            client.say("saved the body (" + page.body().length + " bytes) to " + saved);
        } finally {
            http.shutdown(Duration.ofSeconds(5));
        }
    }

    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>inetkit demo</title></head>
            <body><h1>Hello from inetkit</h1><p>Fetched as the tutorial fetches a page.</p></body></html>
            """;

    /** One side of the conversation: its lines are prefixed so both can share stdout. */
    private record Side(String name, PrintWriter out, ReentrantLock lock) {
        void say(String line) {
            lock.lock();
            try {
                out.printf("%-6s | %s%n", name, line);
                out.flush();
            } finally {
                lock.unlock();
            }
        }
    }
}
