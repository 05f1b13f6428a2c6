package io.inetkit.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inet greet}: the tutorial's greeting client. */
@Command(name = "greet", mixinStandardHelpOptions = true,
        description = "Talk to a greeting server, as the tutorial's client does.")
final class GreetCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9999", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Parameters(arity = "0..*", paramLabel = "MESSAGE", description = "Messages to send (default: Michael Tracy Sarah).")
    List<String> messages;

    @Override
    public Integer call() {
        return 0;
    }
}
