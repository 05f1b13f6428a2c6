package io.inetkit.cli;

import io.inetkit.greet.GreetProtocol;
import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inet greet serve}: the tutorial's greeting server, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the greeting protocol as the tutorial's server does: 'Welcome!' on connect,",
            "'Hello, <message>!' for each message, until the client sends 'exit' or closes.",
            "Logs each connection on stdout. Ctrl-C stops it cleanly."})
final class GreetServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    PortOption port = new PortOption(GreetProtocol.DEFAULT_PORT, true);

    @Option(names = "--max-connections", defaultValue = "10000",
            description = "Connections served at once; more wait (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (maxConnections < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "invalid value for --max-connections: " + maxConnections + " (at least 1)");
        }
        GreetServerOptions options = GreetServerOptions.defaults()
                .withBind(new InetSocketAddress(host, port.value(spec)))
                .withMaxConnections(maxConnections)
                .withLog(line -> {
                    out.println(line);
                    out.flush();
                });
        GreetServer server = GreetServer.start(options);
        PrintWriter err = spec.commandLine().getErr();
        // The hook goes in before we say where we listen: a Ctrl-C that follows the message at
        // once must find it (adding a hook during shutdown fails).
        Thread stopper = new Thread(() -> {
            server.shutdown(Duration.ofSeconds(2));
            err.println("inet: stopped after " + server.stats().completed() + " connection(s)");
            err.flush();
        }, "inet-greet-shutdown");
        if (!Shutdown.addHook(stopper)) {
            return ExitCode.INTERRUPTED.code();
        }
        InetSocketAddress where = server.localAddress();
        // stdout carries the tutorial's log, byte for byte; where we listen goes to stderr.
        err.println("inet: serving greetings on "
                + where.getAddress().getHostAddress() + ":" + where.getPort() + " (Ctrl-C stops)");
        err.flush();
        server.awaitTermination();
        return ExitCode.OK.code();
    }
}
