package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Where and how {@code inet get} writes (curl's names). */
final class GetOutputOptions {
    /** -o FILE and -O in command-line order: as in curl, each pairs with the next URL. */
    final List<OutputChoice> outputs = new ArrayList<>();
    private List<String> outputFiles = new ArrayList<>();
    boolean remoteNameAll;
    boolean failEarly;
    boolean remoteTime;
    boolean include;
    Path dumpHeader;
    boolean fail;
    boolean failWithBody;
    boolean createDirs;
    Path outputDir;
    boolean silent;
    boolean showError;
    boolean verbose;
    String writeOut;
    String maxFilesize;
    /** --max-filesize in bytes, set by the command's checks; 0 is no limit, as in curl. */
    long maxFilesizeBytes;

    /** Declares these options on {@code inet get}'s spec, bound to this object's fields. */
    void declare(CommandSpec spec) {
        new OptionTable(spec)
                .list(names("-o", "--output"), "FILE",
                        "Write the body to FILE instead of stdout (- is stdout). With several URLs, each -o or -O"
                                + " is for the next URL in order (repeatable); URLs without one go to stdout.",
                        () -> outputFiles, v -> outputFiles = trackFiles(v))
                .repeatedFlag(names("-O", "--remote-name"),
                        "Write to a file named like the URL's last path segment (repeatable, like -o).",
                        this::trackRemoteNames)
                .flag(names("--remote-name-all"), "Use -O for every URL that has no -o or -O of its own.",
                        v -> remoteNameAll = v)
                .flag(names("-R", "--remote-time"),
                        "Give the saved file the server's Last-Modified time as its modification time.",
                        v -> remoteTime = v)
                .value(names("--output-dir"), "DIR", Path.class, null, "Write -o and -O files into DIR.",
                        v -> outputDir = v)
                .flag(names("--create-dirs"), "Create the missing folders of -o and --output-dir.", v -> createDirs = v)
                .value(names("--max-filesize"), "BYTES", String.class, null,
                        "Fail with exit 63 if the file is larger than BYTES (k, M, G suffixes; 0 is no limit):"
                                + " before writing anything when the server announces a larger Content-Length,"
                                + " else after writing the first BYTES bytes, which stay in the -o file as an"
                                + " incomplete download (-C - resumes it). With -C - the limit is for the whole file.",
                        v -> maxFilesize = v)
                .flag(names("-i", "--include"), "Write the response status line and headers before the body.",
                        v -> include = v)
                .value(names("-D", "--dump-header"), "FILE", Path.class, null,
                        "Write the response heads, as received, to FILE (- is stdout).", v -> dumpHeader = v)
                .flag(names("-f", "--fail"), "On HTTP status 400 or more write no body and exit 22.", v -> fail = v)
                .flag(names("--fail-with-body"), "On HTTP status 400 or more write the body, then exit 22.",
                        v -> failWithBody = v)
                .flag(names("--fail-early"), "With several URLs, stop at the first failed transfer and exit with"
                        + " its code (else every URL is tried and the last one's result is the exit code).",
                        v -> failEarly = v)
                .flag(names("-s", "--silent"), "No progress bar and no error messages.", v -> silent = v)
                .flag(names("-S", "--show-error"), "With -s, still show error messages.", v -> showError = v)
                .flag(names("-v", "--verbose"),
                        "Show the request and response heads on stderr ('> ' sent, '< ' received; secrets masked).",
                        v -> verbose = v)
                .value(names("-w", "--write-out"), "FORMAT", String.class, null,
                        "Write FORMAT to stdout after each transfer, as curl; variables such as %%{http_code}"
                                + " %%{time_total} %%{json} (all in the README); \\n is a new line.",
                        v -> writeOut = v);
    }

    /** Records the -o values picocli added since the last call, keeping the order across -o and -O. */
    private List<String> trackFiles(List<String> values) {
        long seen = outputs.stream().filter(o -> o.kind() != OutputChoice.Kind.REMOTE_NAME).count();
        values.stream().skip(seen).forEach(v -> outputs.add(v.equals("-") ? OutputChoice.STDOUT
                : new OutputChoice(OutputChoice.Kind.FILE, Path.of(v))));
        return values;
    }

    private void trackRemoteNames(int count) {
        long seen = outputs.stream().filter(o -> o.kind() == OutputChoice.Kind.REMOTE_NAME).count();
        for (long i = seen; i < count; i++) {
            outputs.add(OutputChoice.REMOTE_NAME);
        }
    }

    /**
     * Pairs the -o/-O choices with the URLs, in order, as curl does.
     *
     * @param urls how many URLs there are
     * @return one choice per URL: its own, else -O with --remote-name-all, else stdout
     * @throws IllegalArgumentException if there are more -o/-O than URLs
     */
    List<OutputChoice> pair(int urls) {
        if (outputs.size() > urls) {
            throw new IllegalArgumentException("more -o/-O options (" + outputs.size() + ") than URLs (" + urls
                    + "): each is for one URL, in order");
        }
        List<OutputChoice> paired = new ArrayList<>(outputs);
        while (paired.size() < urls) {
            paired.add(remoteNameAll ? OutputChoice.REMOTE_NAME : OutputChoice.STDOUT);
        }
        return paired;
    }

    /** @return true if error messages should be shown */
    boolean showErrors() {
        return !silent || showError;
    }
}
