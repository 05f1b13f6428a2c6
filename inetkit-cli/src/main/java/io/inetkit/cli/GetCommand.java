package io.inetkit.cli;

import io.inetkit.http.CallListener;
import io.inetkit.http.CookieJar;
import io.inetkit.http.Credentials;
import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code inet get}: an HTTP(S) transfer with curl's option names and exit codes. Declared in
 * code, not with picocli's annotations ({@link OptionTable} says why): {@link #spec} builds it.
 */
final class GetCommand implements Callable<Integer> {
    /** The first line is also the summary in {@code inet --help}. */
    private static final String[] DESCRIPTION = {
        "Transfer a URL (http, https, file) like curl.",
        "The body goes to stdout (binary-safe, streamed) unless -o/-O is given. With several URLs each is"
                + " fetched in turn (the exit code is the last one's, see --fail-early). Options have curl's names"
                + " and meanings; so do the exit codes (see 'inet --help'). A progress bar is drawn on stderr"
                + " when it is a terminal."};

    final InetCommand parent;
    final GetRequestOptions request = new GetRequestOptions();
    final GetConnectionOptions connection = new GetConnectionOptions();
    final GetOutputOptions output = new GetOutputOptions();
    final GetCookieOptions cookies = new GetCookieOptions();
    CommandSpec spec;
    List<String> urls = new ArrayList<>();
    /** What the URLs of one command share: the client (keep-alive), the cookie jar, the request data. */
    private final SwitchingListener timers = new SwitchingListener();
    private final RedirectLog redirects = new RedirectLog();
    private HttpClient client;
    private CookieJar jar;
    private GetRequestFactory requests;
    private NetrcCredentials netrc;
    private TimeCondition timeCondition;

    GetCommand(InetCommand parent) {
        this.parent = parent;
    }

    /**
     * Builds the picocli model of {@code inet get} around a new command object.
     *
     * @param parent the top-level command (standard streams, --debug)
     * @return the spec; its user object is the command
     */
    static CommandSpec spec(InetCommand parent) {
        GetCommand command = new GetCommand(parent);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("get");
        OptionTable.standardHelp(spec);
        spec.usageMessage().sortOptions(false).description(DESCRIPTION);
        // as curl: an option's value may start with '-' even when it looks like options (-z "-Sun, 06 Nov ...")
        spec.parser().allowOptionsAsOptionParameters(true);
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").required(true).paramLabel("URL")
                .type(List.class).auxiliaryTypes(String.class)
                .description("http://, https:// or file:// URL; several are fetched in order over the same"
                        + " connections, as curl does.")
                .getter(OptionTable.getter(() -> command.urls))
                .setter(OptionTable.setter((List<String> v) -> command.urls = v != null ? v : new ArrayList<>())).build());
        command.request.declare(spec);
        command.connection.declare(spec);
        command.output.declare(spec);
        command.cookies.declare(spec);
        command.spec = spec;
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Stdio stdio = parent.stdio();
        List<URI> uris = urls.stream().map(this::parseUrl).toList();
        if (TlsWarmUp.worthIt() && uris.stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()))) {
            TlsWarmUp.start(); // the key-exchange set-up runs beside trust loading and connecting
        }
        List<OutputChoice> choices = checkOptions(uris.size());
        Consumer<String> warn = warning -> {
            if (output.showErrors()) {
                err.println("inet: warning: " + warning);
            }
        };
        if (request.timeCond != null) {
            timeCondition = TimeCondition.parse(request.timeCond).orElse(null);
            if (timeCondition == null) {
                warn.accept("-z \"" + request.timeCond + "\" is neither a date nor an existing file:"
                        + " no time condition is sent");
            }
        }
        int exitCode = 0;
        try {
            for (int i = 0; i < uris.size(); i++) {
                TransferStats stats = transfer(urls.get(i), uris.get(i), choices.get(i), i > 0, stdio, err, warn);
                stats.endNanos = System.nanoTime();
                writeOut(stats, stdio, err);
                exitCode = stats.exitCode; // as curl 7.88: the last transfer's result
                if (exitCode != 0 && output.failEarly) {
                    break;
                }
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
        cookies.save(jar, stdio.stdout(), warn);
        err.flush();
        return exitCode;
    }

    /** One URL: its outcome, failures included, is in the returned numbers. */
    private TransferStats transfer(String url, URI uri, OutputChoice choice, boolean later, Stdio stdio, PrintWriter err,
            Consumer<String> warn) {
        TransferStats stats = new TransferStats();
        stats.url = url;
        stats.urlEffective = url;
        stats.scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        try {
            OutputTarget target = switch (choice.kind()) {
                case FILE -> OutputTarget.file(outputFile(choice.file()), output.createDirs);
                case REMOTE_NAME -> OutputTarget.file(outputFile(OutputTarget.remoteName(uri)), output.createDirs);
                case STDOUT -> OutputTarget.stdout(stdio.stdout());
            };
            stats.filenameEffective = target.file() == null ? "" : target.file().toString();
            boolean progress = stdio.stderrIsTerminal() && !output.silent
                    && (target.file() != null || !stdio.stdoutIsTerminal());
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                FileFetch.run(uri, target, progress ? err : null, stats, connection.limitRateBytes);
            } else {
                HttpClient http = client(err, warn);
                timers.use(stats.timer);
                redirects.clear();
                HttpRequest req = buildRequest(uri);
                stats.method = req.method().name();
                GetTransfer.Settings settings = new GetTransfer.Settings(request.continueAt != null, later, timeCondition,
                        connection.limitRateBytes, warn);
                new GetTransfer(http, output, target, settings, progress ? err : null, stats, redirects, stdio.stdout())
                        .run(req);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParameterException pe) {
                throw pe;
            }
            stats.exitCode = ErrorReporter.classify(e).code();
            if (stats.exitCode == ExitCode.TLS_HANDSHAKE.code() && stats.timer.appconnect() > 0 && stats.httpCode == 0) {
                // the handshake had completed: an alert after it (TLS 1.3 refusing a client) is a receive error for curl
                stats.exitCode = ExitCode.RECEIVE_FAILED.code();
            }
            stats.errorMessage = ErrorReporter.describe(familyFailure(e));
            stats.errorMessage += clientCertHint(stats);
            if (connection.tlsv13 && stats.exitCode == ExitCode.TLS_HANDSHAKE.code() && stats.timer.appconnect() == 0) {
                stats.errorMessage += " (--tlsv1.3 was given: the server may not support TLS 1.3)";
            }
            if (parent.debug) {
                e.printStackTrace(err);
            }
            if (output.showErrors()) {
                err.println("inet: " + stats.errorMessage);
            }
        }
        return stats;
    }

    /** The client the URLs share (so kept-alive connections are reused), built for the first http(s) URL. */
    private HttpClient client(PrintWriter err, Consumer<String> warn) throws IOException {
        if (client == null) {
            jar = cookies.jar(warn);
            client = buildClient(redirects, timers, err, jar);
        }
        return client;
    }

    private URI parseUrl(String url) {
        try {
            // like curl, a URL without a scheme is http
            URI uri = new URI(url.contains("://") || url.startsWith("file:") ? url : "http://" + url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                throw new ParameterException(spec.commandLine(), "unsupported URL \"" + url
                        + "\": inet get supports http://, https:// and file://");
            }
            if (uri.getHost() == null && !scheme.equals("file")) {
                throw new ParameterException(spec.commandLine(), "invalid URL \"" + url + "\": no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "invalid URL \"" + url + "\": " + e.getReason());
        }
    }

    /** @return the -o/-O choice of each URL */
    private List<OutputChoice> checkOptions(int urlCount) {
        List<OutputChoice> choices;
        try {
            choices = output.pair(urlCount);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (request.uploadFile != null && urlCount > 1) {
            throw usage("-T takes one URL");
        }
        if (output.fail && output.failWithBody) {
            throw usage("choose either -f or --fail-with-body");
        }
        if (connection.ipv4 && connection.ipv6) {
            throw usage("choose either -4 or -6");
        }
        if (output.maxFilesize != null) {
            try {
                output.maxFilesizeBytes = ByteSize.parse("--max-filesize", output.maxFilesize);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        connection.failOnHttpErrors = output.fail || output.failWithBody;
        if (connection.limitRate != null) {
            try {
                connection.limitRateBytes = ByteSize.parse("--limit-rate", connection.limitRate);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (request.continueAt != null && request.range != null) {
            throw usage("choose either -C - or -r");
        }
        if (request.continueAt != null) {
            if (!request.continueAt.equals("-")) {
                throw usage("only '-C -' (resume where the file ends) is supported");
            }
            if (choices.stream().anyMatch(c -> c.kind() == OutputChoice.Kind.STDOUT)) {
                throw usage("-C - needs -o FILE or -O" + (urlCount > 1 ? " for every URL" : ""));
            }
        }
        return choices;
    }

    /** -4/-6 found no address of that family: its message says so better than the dialer's wrapper. */
    private static Throwable familyFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressFamilyResolver.NoAddressOfFamily) {
                return t;
            }
        }
        return e;
    }

    /**
     * A server that wants a client certificate ends the connection right after the TLS handshake
     * (TLS 1.3: the client then sees a broken pipe, a reset or the alert): say so when it fits.
     */
    private String clientCertHint(TransferStats stats) {
        boolean tlsBroken = stats.exitCode == ExitCode.TLS_HANDSHAKE.code() || stats.exitCode == ExitCode.RECEIVE_FAILED.code()
                || stats.exitCode == ExitCode.EMPTY_REPLY.code();
        boolean afterHandshake = stats.timer.appconnect() > 0 && stats.httpCode == 0;
        String message = String.valueOf(stats.errorMessage);
        boolean alert = message.contains("certificate_required") || message.contains("bad_certificate");
        return connection.cert == null && stats.scheme.equals("https") && tlsBroken && (afterHandshake || alert)
                ? " (the server may require a client certificate: see --cert)" : "";
    }

    /** -o and -O files go into --output-dir when given. */
    private Path outputFile(Path file) {
        return output.outputDir == null ? file : output.outputDir.resolve(file);
    }

    private HttpClient buildClient(RedirectLog redirects, CallListener listener, PrintWriter err, CookieJar jar)
            throws IOException {
        try {
            Credentials digest = null;
            if (request.digest && request.user != null && request.user.indexOf(':') > 0) {
                int colon = request.user.indexOf(':');
                digest = new Credentials(request.user.substring(0, colon), request.user.substring(colon + 1));
            }
            HttpClient.Builder b = GetClientFactory.builder(spec, connection, digest, System.getenv(), redirects,
                    output.verbose ? err : null, listener);
            b.digestOnly(request.digest); // as curl: --digest never sends the password as Basic
            if (jar != null) {
                b.cookieJar(jar);
            }
            if (netrc().enabled()) { // as curl: Basic at once, or with --digest the answer to a challenge
                b.credentialsLookup(netrc()::lookup, !request.digest);
            }
            if (request.referer != null && request.referer.endsWith(";auto")) {
                b.networkInterceptor(new RefererOnRedirect());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** -n and its kin: one file for all URLs and every host they redirect to. */
    private NetrcCredentials netrc() {
        if (netrc == null) {
            netrc = new NetrcCredentials(request, System.getenv());
        }
        return netrc;
    }

    private HttpRequest buildRequest(URI uri) throws IOException {
        try {
            if (requests == null) {
                requests = new GetRequestFactory(System.in); // one for all URLs: it reads stdin and data files once
            }
            HttpRequest req = requests.build(uri, request);
            netrc().load(); // a missing or malformed file fails here; the client looks up each request's host
            if (connection.limitRateBytes > 0 && req.body() != null) {
                req = req.toBuilder().method(req.method(), new RateLimitedBody(req.body(), connection.limitRateBytes)).build();
            }
            String cookieHeader = cookies.cookieHeader();
            if (cookieHeader == null) {
                return req;
            }
            String own = req.headers().firstOrNull("Cookie"); // from -H
            return req.toBuilder().setHeader("Cookie", own == null ? cookieHeader : own + "; " + cookieHeader).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void writeOut(TransferStats stats, Stdio stdio, PrintWriter err) {
        if (output.writeOut == null) {
            return;
        }
        List<WriteOut.Piece> pieces = WriteOut.expand(output.writeOut, stats, warning -> err.println("inet: warning: " + warning));
        try {
            for (WriteOut.Piece piece : pieces) {
                if (piece.toStderr()) {
                    err.print(piece.text());
                    err.flush();
                } else {
                    stdio.stdout().write(piece.text().getBytes(StandardCharsets.UTF_8));
                    stdio.stdout().flush();
                }
            }
        } catch (IOException e) {
            if (stats.exitCode == 0) {
                stats.exitCode = ExitCode.WRITE_ERROR.code();
            }
        }
    }
}
