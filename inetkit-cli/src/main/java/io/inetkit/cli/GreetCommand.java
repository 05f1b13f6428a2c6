package io.inetkit.cli;

import io.inetkit.greet.GreetClient;
import io.inetkit.greet.GreetProtocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inet greet}: the tutorial's greeting client; {@code inet greet serve}: its server. */
@Command(name = "greet", mixinStandardHelpOptions = true,
        description = {
            "Talk to a greeting server as the tutorial's client does: print the welcome, send",
            "each MESSAGE and print the reply, then send 'exit'.",
            "To send the word 'serve' as a message, put '--' before it."},
        subcommands = GreetServeCommand.class)
final class GreetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    PortOption port = new PortOption(GreetProtocol.DEFAULT_PORT, false);

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Connect and read timeout in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Parameters(arity = "0..*", paramLabel = "MESSAGE",
            description = "Messages to send (default: Michael Tracy Sarah).")
    List<String> messages;

    @Override
    public Integer call() throws IOException {
        List<String> toSend = messages == null || messages.isEmpty() ? GreetProtocol.TUTORIAL_MESSAGES : messages;
        for (String m : toSend) {
            try {
                GreetProtocol.checkMessage(m);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "invalid MESSAGE: " + e.getMessage());
            }
        }
        Duration timeout = Durations.ofSeconds(spec, "--timeout", timeoutSeconds);
        PrintWriter out = spec.commandLine().getOut();
        try (GreetClient client = GreetClient.connect(host, port.value(spec), timeout)) {
            out.println(client.welcome());
            out.flush();
            for (String m : toSend) {
                out.println(client.greet(m));
                out.flush();
            }
        }
        return ExitCode.OK.code();
    }
}
