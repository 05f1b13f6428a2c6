package io.inetkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code inet get} sends: method, headers, body, credentials (curl's names). */
final class GetRequestOptions {
    @Option(names = {"-X", "--request"}, paramLabel = "METHOD",
            description = "Request method (default GET, or POST with -d/--json, PUT with -T, HEAD with -I).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "Extra header (repeatable). 'NAME:' with nothing after the colon removes it.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "DATA",
            description = "POST DATA as application/x-www-form-urlencoded (repeatable, joined with &)."
                    + " @FILE reads a file (CR and LF removed), @- reads stdin.")
    List<String> data = new ArrayList<>();

    @Option(names = "--data-binary", paramLabel = "DATA",
            description = "Like -d, but @FILE is sent as it is (newlines kept).")
    List<String> dataBinary = new ArrayList<>();

    @Option(names = "--json", paramLabel = "DATA",
            description = "POST DATA as JSON (Content-Type and Accept: application/json). @FILE reads a file.")
    List<String> json = new ArrayList<>();

    @Option(names = {"-T", "--upload-file"}, paramLabel = "FILE",
            description = "PUT the FILE (streamed; - for stdin). A URL ending in / gets the file name appended.")
    String uploadFile;

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASSWORD",
            description = "Credentials, sent at once as Basic (as curl does); see --digest.")
    String user;

    @Option(names = "--digest", description = "With -u: send no Basic; answer the server's Digest (or Basic) challenge.")
    boolean digest;

    @Option(names = {"-A", "--user-agent"}, paramLabel = "NAME", description = "User-Agent to send.")
    String userAgent;

    @Option(names = {"-I", "--head"}, description = "Send HEAD and show the response headers only.")
    boolean head;

    @Option(names = {"-C", "--continue-at"}, paramLabel = "-",
            description = "Resume: with '-', ask for the rest of the existing -o/-O file (Range).")
    String continueAt;

    /** @return the upload file as a path, or null when none or stdin */
    Path uploadPath() {
        return uploadFile == null || uploadFile.equals("-") ? null : Path.of(uploadFile);
    }
}
