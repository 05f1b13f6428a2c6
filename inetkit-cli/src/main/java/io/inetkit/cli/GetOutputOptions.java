package io.inetkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how {@code inet get} writes (curl's names). */
final class GetOutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the body to FILE instead of stdout (- is stdout).")
    Path output;

    @Option(names = {"-O", "--remote-name"}, description = "Write to a file named like the URL's last path segment.")
    boolean remoteName;

    @Option(names = {"-i", "--include"}, description = "Write the response status line and headers before the body.")
    boolean include;

    @Option(names = {"-D", "--dump-header"}, paramLabel = "FILE",
            description = "Write the response heads, as received, to FILE (- is stdout).")
    Path dumpHeader;

    @Option(names = {"-f", "--fail"}, description = "On HTTP status 400 or more write no body and exit 22.")
    boolean fail;

    @Option(names = {"-s", "--silent"}, description = "No progress bar and no error messages.")
    boolean silent;

    @Option(names = {"-S", "--show-error"}, description = "With -s, still show error messages.")
    boolean showError;

    @Option(names = {"-v", "--verbose"},
            description = "Show the request and response heads on stderr ('> ' sent, '< ' received; secrets masked).")
    boolean verbose;

    @Option(names = {"-w", "--write-out"}, paramLabel = "FORMAT",
            description = "After the transfer, write FORMAT to stdout: %%{http_code} %%{size_download} %%{time_total}"
                    + " %%{url_effective} %%{content_type} %%{num_redirects} %%{exitcode} %%{errormsg}, \\n.")
    String writeOut;

    /** @return true if error messages should be shown */
    boolean showErrors() {
        return !silent || showError;
    }
}
