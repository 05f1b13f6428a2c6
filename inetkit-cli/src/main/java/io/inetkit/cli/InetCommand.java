package io.inetkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code inet} command: a toolkit for the classic Internet protocols. */
@Command(
        name = "inet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One tool for the classic Internet protocols.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   other failure",
            "  2   bad arguments",
            "  6   could not resolve host",
            "  7   could not connect (refused, unreachable)",
            "  10  could not listen (address in use, permission)",
            "  18  partial file: the body ended before its Content-Length",
            "  22  HTTP status 400 or more with --fail",
            "  23  could not write the output (file, disk full, closed pipe)",
            "  28  timeout",
            "  33  cannot resume (-C -): the server refused the range",
            "  35  TLS handshake failed",
            "  37  could not read a file:// URL",
            "  47  too many redirects",
            "  52  the server closed without replying",
            "  56  connection broken while receiving",
            "  60  server certificate not trusted or not for this host",
            "  130 interrupted (Ctrl-C)"
        })
final class InetCommand {
    /**
     * The subcommands, in help order. Not in {@code @Command(subcommands)}: picocli would then
     * read every command's annotations at each start; {@link Main} adds only the one asked for.
     */
    static final java.util.List<Sub> SUBCOMMANDS = java.util.List.of(
            new Sub("demo", DemoCommand.class), new Sub("greet", GreetCommand.class),
            new Sub("get", GetCommand.class), new Sub("xmlrpc", XmlRpcCommand.class),
            new Sub("serve", ServeCommand.class));

    /** A subcommand's name and its picocli class. */
    record Sub(String name, Class<?> type) {
    }

    @Option(names = "--debug", description = "Show stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    private final Stdio stdio;

    InetCommand(Stdio stdio) {
        this.stdio = stdio;
    }

    /** @return the standard streams as byte streams, for commands that move bytes */
    Stdio stdio() {
        return stdio;
    }
}
