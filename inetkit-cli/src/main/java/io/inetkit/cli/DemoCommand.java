package io.inetkit.cli;

import io.inetkit.greet.GreetClient;
import io.inetkit.greet.GreetProtocol;
import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
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
            "a free port, the tutorial's client conversation against it, then a clean stop."})
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
        out.flush();
        return ExitCode.OK.code();
    }

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
