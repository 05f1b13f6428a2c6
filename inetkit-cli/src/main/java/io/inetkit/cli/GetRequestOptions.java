package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code inet get} sends: method, headers, body, credentials (curl's names). */
final class GetRequestOptions {
    String method;
    List<String> headers = new ArrayList<>();
    List<String> data = new ArrayList<>();
    List<String> dataBinary = new ArrayList<>();
    List<String> json = new ArrayList<>();
    String uploadFile;
    String user;
    boolean digest;
    String userAgent;
    boolean head;
    String continueAt;

    /** Declares these options on {@code inet get}'s spec, bound to this object's fields. */
    void declare(CommandSpec spec) {
        new OptionTable(spec)
                .value(names("-X", "--request"), "METHOD", String.class, null,
                        "Request method (default GET, or POST with -d/--json, PUT with -T, HEAD with -I).",
                        v -> method = v)
                .list(names("-H", "--header"), "'NAME: VALUE'",
                        "Extra header (repeatable). 'NAME:' with nothing after the colon removes it.",
                        () -> headers, v -> headers = v)
                .list(names("-d", "--data"), "DATA",
                        "POST DATA as application/x-www-form-urlencoded (repeatable, joined with &)."
                                + " @FILE reads a file (CR and LF removed), @- reads stdin.",
                        () -> data, v -> data = v)
                .list(names("--data-binary"), "DATA", "Like -d, but @FILE is sent as it is (newlines kept).",
                        () -> dataBinary, v -> dataBinary = v)
                .list(names("--json"), "DATA",
                        "POST DATA as JSON (Content-Type and Accept: application/json). @FILE reads a file.",
                        () -> json, v -> json = v)
                .value(names("-T", "--upload-file"), "FILE", String.class, null,
                        "PUT the FILE (streamed; - for stdin). A URL ending in / gets the file name appended.",
                        v -> uploadFile = v)
                .value(names("-u", "--user"), "USER:PASSWORD", String.class, null,
                        "Credentials, sent at once as Basic (as curl does); see --digest.", v -> user = v)
                .flag(names("--digest"), "With -u: send no Basic; answer the server's Digest (or Basic) challenge.",
                        v -> digest = v)
                .value(names("-A", "--user-agent"), "NAME", String.class, null, "User-Agent to send.",
                        v -> userAgent = v)
                .flag(names("-I", "--head"), "Send HEAD and show the response headers only.", v -> head = v)
                .value(names("-C", "--continue-at"), "-", String.class, null,
                        "Resume: with '-', ask for the rest of the existing -o/-O file (Range).", v -> continueAt = v);
    }

    /** @return the upload file as a path, or null when none or stdin */
    Path uploadPath() {
        return uploadFile == null || uploadFile.equals("-") ? null : Path.of(uploadFile);
    }
}
