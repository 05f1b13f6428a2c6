package io.inetkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code inet} command: a toolkit for the classic Internet protocols. */
@Command(
        name = "inet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One tool for the classic Internet protocols.",
        subcommands = {GreetCommand.class, DemoCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   other failure",
            "  2   bad arguments",
            "  6   could not resolve host",
            "  7   could not connect (refused, unreachable)",
            "  10  could not listen (address in use, permission)",
            "  28  timeout",
            "  56  connection broken while receiving",
            "  130 interrupted (Ctrl-C)"
        })
final class InetCommand {
    @Option(names = "--debug", description = "Show stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;
}
