package io.inetkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code inet} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Fast path: answering --version without building the command model at all.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            System.exit(ExitCode.OK.code());
        }
        System.exit(run(args));
    }

    /**
     * Runs the command without exiting the JVM; used by tests.
     *
     * @param args the command line
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(String... args) {
        // System.out swallows write errors (PrintStream); the file descriptor reports them (exit 23).
        Stdio stdio = new Stdio(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                Terminals.isTerminal(1), Terminals.isTerminal(2));
        return run(stdio, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command with the given output streams; used by tests.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Stdio.captured(new TextOutputStream(out)), out, err, args);
    }

    /**
     * Runs the command with stdout as bytes (binary-safe, e.g. for {@code inet get}); used by tests.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(java.io.OutputStream out, PrintWriter err, String... args) {
        PrintWriter text = new PrintWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), true);
        return run(Stdio.captured(out), text, err, args);
    }

    private static int run(Stdio stdio, PrintWriter out, PrintWriter err, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // picocli registers converters for java.sql and java.time types and java.nio.file.Path by
        // reflection; no option uses the first two, and Path gets a plain method reference below
        // (reflective calls spin classes at run time that the AOT cache does not hold).
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*,java\\.nio\\.file\\.Path");
        InetCommand inet = new InetCommand(stdio);
        CommandLine cli = new CommandLine(inet.spec());
        addSubcommands(cli, inet, args);
        cli.registerConverter(java.nio.file.Path.class, java.nio.file.Path::of);
        cli.setExpandAtFiles(false); // '@file' is data for curl-style options (inet get -d @file)
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter(debug));
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("inet: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        return cli.execute(args);
    }

    /**
     * Adds only the subcommand the command line names (each one read costs start-up time:
     * picocli reads annotations through reflection), or all of them for help and errors.
     */
    static void addSubcommands(CommandLine cli, InetCommand inet, String[] args) {
        String wanted = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) { // the top-level options (--debug, -h, -V) take no value
                wanted = arg;
                break;
            }
        }
        boolean known = false;
        for (InetCommand.Sub sub : InetCommand.SUBCOMMANDS) {
            known |= sub.name().equals(wanted);
        }
        for (InetCommand.Sub sub : InetCommand.SUBCOMMANDS) {
            if (!known || sub.name().equals(wanted)) {
                cli.addSubcommand(sub.name(), sub.command().apply(inet));
            }
        }
    }
}
