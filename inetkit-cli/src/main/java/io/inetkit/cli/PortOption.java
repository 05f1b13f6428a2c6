package io.inetkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A {@code --port} option checked for range: 1-65535, or 0 too where a server may pick one. */
final class PortOption {
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    private final boolean zeroAllowed;

    PortOption(int defaultPort, boolean zeroAllowed) {
        this.port = defaultPort;
        this.zeroAllowed = zeroAllowed;
    }

    /** @return the port, after checking its range */
    int value(CommandSpec spec) {
        int min = zeroAllowed ? 0 : 1;
        if (port < min || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "invalid port " + port + ": must be " + min + "-65535"
                            + (zeroAllowed ? " (0 picks a free port)" : ""));
        }
        return port;
    }
}
