package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Where and how {@code inet get} writes (curl's names). */
final class GetOutputOptions {
    Path output;
    boolean remoteName;
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
                .value(names("-o", "--output"), "FILE", Path.class, null,
                        "Write the body to FILE instead of stdout (- is stdout).", v -> output = v)
                .flag(names("-O", "--remote-name"), "Write to a file named like the URL's last path segment.",
                        v -> remoteName = v)
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
                .flag(names("-s", "--silent"), "No progress bar and no error messages.", v -> silent = v)
                .flag(names("-S", "--show-error"), "With -s, still show error messages.", v -> showError = v)
                .flag(names("-v", "--verbose"),
                        "Show the request and response heads on stderr ('> ' sent, '< ' received; secrets masked).",
                        v -> verbose = v)
                .value(names("-w", "--write-out"), "FORMAT", String.class, null,
                        "Write FORMAT to stdout at the end, as curl; variables such as %%{http_code}"
                                + " %%{time_total} %%{json} (all in the README); \\n is a new line.",
                        v -> writeOut = v);
    }

    /** @return true if error messages should be shown */
    boolean showErrors() {
        return !silent || showError;
    }
}
