package io.inetkit.cli;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code inet} command: a toolkit for the classic Internet protocols. Declared in
 * code, not with picocli's annotations ({@link OptionTable} says why): {@link #spec} builds it.
 */
final class InetCommand {
    private static final String[] FOOTER = {
        "  0   success",
        "  1   other failure",
        "  2   bad arguments",
        "  6   could not resolve host",
        "  7   could not connect (refused, unreachable)",
        "  10  could not listen (address in use, permission)",
        "  18  partial file: the body ended before its Content-Length",
        "  22  HTTP status 400 or more with --fail or --fail-with-body",
        "  23  could not write the output (file, disk full, closed pipe)",
        "  26  the netrc file is missing (-n, --netrc-file) or malformed",
        "  28  timeout",
        "  33  cannot resume (-C -): the server refused the range",
        "  35  TLS handshake failed",
        "  37  could not read a file:// URL",
        "  47  too many redirects",
        "  52  the server closed without replying",
        "  56  connection broken while receiving",
        "  58  cannot use the client certificate (--cert, --key)",
        "  60  server certificate not trusted or not for this host",
        "  63  the file is larger than --max-filesize",
        "  130 interrupted (Ctrl-C)"
    };

    /**
     * The subcommands, in help order. {@link Main} adds only the one asked for: each one read
     * costs start-up time. The annotated ones are given as classes; {@code get} builds its
     * spec in code.
     */
    static final List<Sub> SUBCOMMANDS = List.of(
            new Sub("demo", parent -> DemoCommand.class), new Sub("greet", parent -> GreetCommand.class),
            new Sub("get", parent -> new CommandLine(GetCommand.spec(parent))),
            new Sub("xmlrpc", parent -> XmlRpcCommand.class), new Sub("serve", parent -> ServeCommand.class));

    /**
     * A subcommand's name and what picocli's {@code addSubcommand} takes for it.
     *
     * @param name the name on the command line
     * @param command the annotated class, or a ready {@link CommandLine}, for a parent
     */
    record Sub(String name, Function<InetCommand, Object> command) {
    }

    boolean debug;

    private final Stdio stdio;

    InetCommand(Stdio stdio) {
        this.stdio = stdio;
    }

    /**
     * Builds the picocli model of {@code inet} around this command (no subcommands yet).
     *
     * @return the spec; its user object is this command
     */
    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("inet").versionProvider(new VersionProvider());
        OptionTable.standardHelp(spec);
        spec.usageMessage().description("One tool for the classic Internet protocols.")
                .footerHeading("%nExit codes:%n").footer(FOOTER);
        spec.addOption(OptionSpec.builder("--debug").type(boolean.class).arity("0").scopeType(ScopeType.INHERIT)
                .description("Show stack traces for errors.")
                .setter(OptionTable.setter((Boolean v) -> debug = Boolean.TRUE.equals(v))).build());
        return spec;
    }

    /** @return the standard streams as byte streams, for commands that move bytes */
    Stdio stdio() {
        return stdio;
    }
}
