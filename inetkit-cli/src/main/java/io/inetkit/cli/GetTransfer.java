package io.inetkit.cli;

import io.inetkit.http.ContentRange;
import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import io.inetkit.http.HttpVersion;
import io.inetkit.http.Method;
import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One {@code inet get} exchange: sends the request, applies -f and -C, writes the head (-i, -I)
 * and streams the body to the target, counting bytes for -w. Failures carry curl's exit codes.
 */
final class GetTransfer {
    private final HttpClient client;
    private final GetOutputOptions output;
    private final OutputTarget target;
    private final Settings settings;
    private final PrintWriter progressTo;
    private final TransferStats stats;
    private final RedirectLog redirects;
    private final java.io.OutputStream stdout;

    /**
     * How this transfer differs from the command's options.
     *
     * @param resume -C -: continue the existing file
     * @param appendHeaders -D FILE appends: an earlier URL of the same command wrote it (curl keeps all heads)
     * @param timeCondition -z, or null
     * @param limitRate --limit-rate for the download in bytes per second, 0 for none
     * @param warn receives warnings (a file time that cannot be set)
     */
    record Settings(boolean resume, boolean appendHeaders, TimeCondition timeCondition, long limitRate,
            Consumer<String> warn) {
    }

    /**
     * @param progressTo where to draw a progress bar, or null for none
     * @param stdout standard output, for {@code -D -}
     */
    GetTransfer(HttpClient client, GetOutputOptions output, OutputTarget target, Settings settings,
            PrintWriter progressTo, TransferStats stats, RedirectLog redirects, java.io.OutputStream stdout) {
        this.stdout = stdout;
        this.client = client;
        this.output = output;
        this.target = target;
        this.settings = settings;
        this.progressTo = progressTo;
        this.stats = stats;
        this.redirects = redirects;
    }

    void run(HttpRequest request) throws IOException {
        long have = settings.resume() ? target.existingSize() : 0;
        if (have > 0) {
            request = request.toBuilder().setHeader("Range", "bytes=" + have + "-")
                    .setHeader("Accept-Encoding", "identity").build();
        }
        TimeCondition condition = settings.timeCondition();
        if (condition != null && request.headers().firstOrNull(condition.headerName()) == null) {
            request = request.toBuilder().setHeader(condition.headerName(), condition.headerValue()).build();
        }
        stats.sizeUpload = request.body() == null ? 0 : Math.max(0, request.body().contentLength());
        HttpResponse response;
        try {
            response = client.send(request);
        } catch (ConnectionClosedException e) {
            throw new TransferFailure(ExitCode.EMPTY_REPLY, "empty reply from server: " + e.getMessage(), e);
        }
        try (response) {
            record(response);
            if (output.dumpHeader != null) {
                dumpHeaders(response); // like curl, also when -f then fails
            }
            int status = response.status();
            if (output.fail && status >= 400) {
                throw httpError(response);
            }
            if (condition != null && (status == 304 || (status == 200 && !meets(condition, response)))) {
                stats.httpCode = 304; // curl too reports a 200 that fails -z as a 304, and writes nothing
                if (output.include) {
                    try (GuardedOutput out = target.open(false)) {
                        out.write(heads(response));
                    }
                }
                return;
            }
            boolean append = false;
            if (have > 0) {
                if (status == 416 && alreadyComplete(response, have)) {
                    return; // the file is complete: nothing to do, as curl
                }
                if (status == 206) {
                    checkResumesAt(response, have);
                    append = true;
                } else if (status != 200) {
                    // keep the partial file: an error page must not replace what was downloaded
                    throw new TransferFailure(ExitCode.RANGE_ERROR, "cannot resume: the server answered "
                            + status + (response.reason().isEmpty() ? "" : " " + response.reason())
                            + "; " + target.file() + " was left as it was", null);
                }
                // a 200 means the server ignored the range: the full body replaces the file
            }
            long before = append ? have : 0; // with -C - the limit is for the whole file
            long limit = output.maxFilesizeBytes;
            boolean head = request.method().equals(Method.HEAD);
            if (limit > 0 && !head && contentLength(response) >= 0 && before + contentLength(response) > limit) {
                throw new TransferFailure(ExitCode.FILESIZE_EXCEEDED, "the file is larger than --max-filesize: "
                        + (before + contentLength(response)) + " bytes (the limit is " + limit + ")", null);
            }
            try (GuardedOutput out = target.open(append)) {
                if (output.include || head) {
                    out.write(heads(response));
                }
                if (!head) {
                    copyBody(response, out, limit > 0 ? Math.max(0, limit - before) : Long.MAX_VALUE, limit);
                }
            }
            if (output.failWithBody && status >= 400) {
                throw httpError(response); // the body was written, as curl's --fail-with-body
            }
            if (output.remoteTime && target.file() != null) {
                setFileTime(response);
            }
        }
    }

    /** The body, at most {@code allowed} bytes of it; past that exit 63 says what the output holds. */
    private void copyBody(HttpResponse response, GuardedOutput out, long allowed, long limit) throws IOException {
        try {
            BodyCopier.copy(response.body(), out, contentLength(response), allowed, progressTo, stats,
                    settings.limitRate() > 0 ? new Throttle(settings.limitRate()) : null);
        } catch (TransferFailure e) {
            if (e.exitCode() != ExitCode.FILESIZE_EXCEEDED) {
                throw e;
            }
            String kept = target.file() == null ? "" : "; " + target.file() + " holds only the first " + limit
                    + " bytes, an incomplete download (-C - resumes it)";
            throw new TransferFailure(ExitCode.FILESIZE_EXCEEDED, "the file is larger than --max-filesize: more than "
                    + limit + " bytes" + kept, e);
        }
    }

    /** -z against the response's Last-Modified: a server may have ignored the condition. */
    private static boolean meets(TimeCondition condition, HttpResponse response) {
        String lastModified = response.headers().firstOrNull("Last-Modified");
        Instant time = lastModified == null ? null : CurlDate.parse(lastModified).orElse(null);
        return time == null || condition.isMetBy(time);
    }

    /** -R: the file gets the Last-Modified time; without one it keeps the time of writing, as in curl. */
    private void setFileTime(HttpResponse response) {
        String lastModified = response.headers().firstOrNull("Last-Modified");
        Instant time = lastModified == null ? null : CurlDate.parse(lastModified).orElse(null);
        if (time == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(target.file(), FileTime.from(time));
        } catch (IOException e) {
            settings.warn().accept("could not set the time of " + target.file() + ": " + e.getMessage());
        }
    }

    private static TransferFailure httpError(HttpResponse response) {
        return new TransferFailure(ExitCode.HTTP_ERROR, "the requested URL returned error: " + response.status()
                + (response.reason().isEmpty() ? "" : " " + response.reason()), null);
    }

    /** Every hop's head and the final one, as received (before decoding), for -i, -I and -D. */
    private byte[] heads(HttpResponse response) {
        StringBuilder all = new StringBuilder();
        for (String hop : redirects.followedBefore(response)) {
            all.append(hop);
        }
        return all.append(redirects.wireHead(response)).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** -D FILE: the heads go to FILE, or to stdout before the body for "-". */
    private void dumpHeaders(HttpResponse response) throws IOException {
        byte[] heads = heads(response);
        if (output.dumpHeader.toString().equals("-")) {
            stdout.write(heads);
            stdout.flush();
            return;
        }
        try {
            if (settings.appendHeaders()) {
                java.nio.file.Files.write(output.dumpHeader, heads, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } else {
                java.nio.file.Files.write(output.dumpHeader, heads);
            }
        } catch (IOException e) {
            throw new TransferFailure(ExitCode.WRITE_ERROR, "cannot write the headers to " + output.dumpHeader
                    + ": " + e.getMessage(), e);
        }
    }

    private void record(HttpResponse response) {
        stats.httpCode = response.status();
        stats.urlEffective = redacted(response.request().uri().toString());
        stats.contentType = response.headers().first("Content-Type").orElse("");
        stats.headers = response.headers();
        stats.method = response.request().method().name();
        stats.httpVersion = response.version() == HttpVersion.HTTP_1_0 ? "1.0" : "1.1";
        stats.redirectUrl = redirectUrl(response);
        stats.numRedirects = redirects.followedBefore(response).size();
    }

    /** %{redirect_url}: where a redirect that was not followed points, absolute; else empty. */
    private static String redirectUrl(HttpResponse response) {
        String location = response.isRedirect() ? response.headers().firstOrNull("Location") : null;
        if (location == null) {
            return "";
        }
        try {
            return redacted(response.request().uri().resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return ""; // not a URI reference: nothing a user could follow
        }
    }

    private static String redacted(String uri) {
        return uri.replaceFirst("//([^/@]*):[^/@]*@", "//$1:****@");
    }

    private static boolean alreadyComplete(HttpResponse response, long have) throws MalformedReplyException {
        String cr = response.headers().firstOrNull("Content-Range");
        return cr != null && ContentRange.parse(cr).completeLength() == have;
    }

    private static void checkResumesAt(HttpResponse response, long have) throws IOException {
        String cr = response.headers().firstOrNull("Content-Range");
        if (cr == null || ContentRange.parse(cr).first() != have) {
            throw new TransferFailure(ExitCode.RANGE_ERROR, "cannot resume: the server sent "
                    + (cr == null ? "no Content-Range" : "\"" + cr + "\"") + " but the file has " + have + " bytes", null);
        }
    }

    private static long contentLength(HttpResponse response) {
        String cl = response.headers().firstOrNull("Content-Length");
        try {
            return cl == null ? -1 : Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
