package io.inetkit.cli;

import picocli.CommandLine.Command;

/** {@code inet serve}: the servers, one subcommand per protocol. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a server on this machine until Ctrl-C.",
        subcommands = {ServeHttpCommand.class, ServeXmlRpcCommand.class})
final class ServeCommand {
}
