package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code inet get} sends: method, headers, body, credentials (curl's names). */
final class GetRequestOptions {
    String method;
    List<String> headers = new ArrayList<>();
    List<String> data = new ArrayList<>();
    List<String> dataBinary = new ArrayList<>();
    List<String> dataRaw = new ArrayList<>();
    List<String> json = new ArrayList<>();
    String uploadFile;
    String user;
    boolean digest;
    boolean netrc;
    boolean netrcOptional;
    Path netrcFile;
    String userAgent;
    boolean head;
    String continueAt;
    List<String> dataUrlencode = new ArrayList<>();
    boolean get;
    String referer;
    String range;
    String timeCond;
    /** -d, --data-binary, --data-raw and --data-urlencode in command-line order, as curl joins them. */
    final List<Data> dataItems = new ArrayList<>();
    /** -F and --form-string in command-line order (the order of the parts). */
    final List<Form> formItems = new ArrayList<>();

    /** How a -d style value is read and encoded. */
    enum DataKind { ASCII, BINARY, RAW, URLENCODE }

    /** One -d, --data-binary, --data-raw or --data-urlencode value. */
    record Data(DataKind kind, String value) {}

    /** One -F (or, literal, --form-string) argument. */
    record Form(boolean literal, String arg) {}

    /** Declares these options on {@code inet get}'s spec, bound to this object's fields. */
    void declare(CommandSpec spec) {
        new OptionTable(spec)
                .value(names("-X", "--request"), "METHOD", String.class, null,
                        "Request method (default GET, or POST with -d/--json/-F, PUT with -T, HEAD with -I).",
                        v -> method = v)
                .list(names("-H", "--header"), "'NAME: VALUE'",
                        "Extra header (repeatable). 'NAME:' with nothing after the colon removes it.",
                        () -> headers, v -> headers = v)
                .list(names("-d", "--data", "--data-ascii"), "DATA",
                        "POST DATA as application/x-www-form-urlencoded (repeatable, joined with &)."
                                + " @FILE reads a file (CR and LF removed), @- reads stdin.",
                        () -> data, v -> data = track(v, DataKind.ASCII))
                .list(names("--data-binary"), "DATA", "Like -d, but @FILE is sent as it is (newlines kept).",
                        () -> dataBinary, v -> dataBinary = track(v, DataKind.BINARY))
                .list(names("--data-raw"), "DATA", "Like -d, but a leading @ is data too (no file is read);"
                                + " browsers' \"Copy as cURL\" uses it.",
                        () -> dataRaw, v -> dataRaw = track(v, DataKind.RAW))
                .list(names("--json"), "DATA",
                        "POST DATA as JSON (Content-Type and Accept: application/json). @FILE reads a file.",
                        () -> json, v -> json = v)
                .value(names("-T", "--upload-file"), "FILE", String.class, null,
                        "PUT the FILE (streamed; - for stdin). A URL ending in / gets the file name appended.",
                        v -> uploadFile = v)
                .value(names("-u", "--user"), "USER:PASSWORD", String.class, null,
                        "Credentials, sent at once as Basic (as curl does); see --digest.", v -> user = v)
                .flag(names("-n", "--netrc"), "Take the credentials for the URL's host from ~/.netrc ($HOME/.netrc,"
                        + " which must be private to you when it holds passwords), sent as Basic (see --digest);"
                        + " -u or the URL's user:password win. A URL with a user and no password takes that user's"
                        + " password. With -L each host gets its own entry. A missing file is exit 26.",
                        v -> netrc = v)
                .flag(names("--netrc-optional"), "Like -n, but a missing file is no error.", v -> netrcOptional = v)
                .value(names("--netrc-file"), "FILE", Path.class, null,
                        "Like -n with this file (not checked for permissions, as curl); with --netrc-optional"
                                + " it may be missing.", v -> netrcFile = v)
                .flag(names("--digest"), "With -u or -n: answer the server's Digest challenge; never send the password as Basic.",
                        v -> digest = v)
                .value(names("-A", "--user-agent"), "NAME", String.class, null, "User-Agent to send.",
                        v -> userAgent = v)
                .flag(names("-I", "--head"), "Send HEAD and show the response headers only.", v -> head = v)
                .value(names("-C", "--continue-at"), "-", String.class, null,
                        "Resume: with '-', ask for the rest of the existing -o/-O file (Range).", v -> continueAt = v)
                .list(names("--data-urlencode"), "DATA",
                        "Like -d, but percent-encoded (space as %%20, as curl; repeatable): CONTENT, =CONTENT,"
                                + " NAME=CONTENT, @FILE or NAME@FILE (the content is encoded, the name is not).",
                        () -> dataUrlencode, v -> dataUrlencode = track(v, DataKind.URLENCODE))
                .flag(names("-G", "--get"), "Send the -d/--data-urlencode data in the URL's query with GET (HEAD with -I).",
                        v -> get = v)
                .list(names("-F", "--form"), "NAME=CONTENT",
                        "POST multipart/form-data (repeatable): NAME=TEXT, NAME=@FILE (an upload) or NAME=<FILE"
                                + " (its content as text). Modifiers after a semicolon: type=MIME, filename=NAME.",
                        () -> form, v -> form = trackForm(v, false))
                .list(names("--form-string"), "NAME=VALUE", "Like -F, but VALUE is literal (no @, < or ;type=).",
                        () -> formString, v -> formString = trackForm(v, true))
                .value(names("-e", "--referer"), "URL", String.class, null,
                        "Referer header to send; URL;auto (or ;auto alone) also sets it to the previous URL"
                                + " on each redirect.", v -> referer = v)
                .value(names("-r", "--range"), "RANGE", String.class, null,
                        "Ask for part of the body: Range: bytes=RANGE (0-499, 500-, -500, 0-0,-1). A 200 answer"
                                + " is written whole.", v -> range = v)
                .value(names("-z", "--time-cond"), "TIME|FILE", String.class, null,
                        "Fetch only if changed after TIME (If-Modified-Since), or with a leading - only if not"
                                + " (If-Unmodified-Since). TIME is a date ('Wed, 01 Sep 2021 12:18:00 GMT',"
                                + " '1 Sep 2021 12:18', 20210901, 2021-09-01) or a file whose modification time"
                                + " is used. Else nothing is written (a -o file stays as it was); -w shows 304.",
                        v -> timeCond = v);
    }

    private List<String> form = new ArrayList<>();
    private List<String> formString = new ArrayList<>();

    /** Records the values picocli added since the last call, keeping the command-line order across options. */
    private List<String> track(List<String> values, DataKind kind) {
        long seen = dataItems.stream().filter(d -> d.kind() == kind).count();
        values.stream().skip(seen).forEach(v -> dataItems.add(new Data(kind, v)));
        return values;
    }

    private List<String> trackForm(List<String> values, boolean literal) {
        long seen = formItems.stream().filter(f -> f.literal() == literal).count();
        values.stream().skip(seen).forEach(v -> formItems.add(new Form(literal, v)));
        return values;
    }

    /** @return the -e URL without ";auto", or null if none */
    String refererUrl() {
        String url = referer == null ? null : referer.endsWith(";auto") ? referer.substring(0, referer.length() - 5) : referer;
        return url == null || url.isEmpty() ? null : url;
    }

    /**
     * @return the Range header value for -r
     * @throws IllegalArgumentException if RANGE is not a list of FIRST-LAST, FIRST- or -SUFFIX
     */
    String rangeHeader() {
        if (range.length() > 1000 || !range.matches("(\\d{0,19}-\\d{0,19})(,\\d{0,19}-\\d{0,19})*")
                || Arrays.asList(range.split(",")).contains("-")) {
            throw new IllegalArgumentException("invalid range \"" + range + "\": use FIRST-LAST, FIRST-, -SUFFIX"
                    + " or a comma-separated list of them");
        }
        return "bytes=" + range;
    }

    /** @return the upload file as a path, or null when none or stdin */
    Path uploadPath() {
        return uploadFile == null || uploadFile.equals("-") ? null : Path.of(uploadFile);
    }
}
