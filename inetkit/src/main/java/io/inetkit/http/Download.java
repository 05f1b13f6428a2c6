package io.inetkit.http;

import io.inetkit.text.ProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Downloads to a file, resuming a partial file with a range request (like {@code curl -C -}).
 *
 * <pre>{@code
 * Download.Result r = Download.resume(client, HttpRequest.get(url), Path.of("big.iso"));
 * System.out.println(r.resumedAt() + " bytes were already there; " + r.written() + " written");
 * }</pre>
 */
public final class Download {

    private Download() {}

    /**
     * What a download did.
     *
     * @param status the final response status (200, 206, or 416 when the file was already complete)
     * @param resumedAt the offset the download continued from (0 for a fresh download)
     * @param written bytes written by this call
     * @param completeLength the full size if the server said, else -1
     */
    public record Result(int status, long resumedAt, long written, long completeLength) {
    }

    /**
     * Downloads {@code request} into {@code file}. If the file exists and is not empty, asks for
     * the rest with {@code Range: bytes=<size>-}: a 206 is appended after checking its
     * {@code Content-Range}; a 200 (the server ignored the range) replaces the file; a 416 whose
     * complete length equals the file size means it was already complete.
     *
     * @param client the client
     * @param request a GET request (without a Range header)
     * @param file the destination
     * @return what happened
     * @throws IOException on I/O errors, a non-success status, or a 206 that does not continue at the file's end
     */
    public static Result resume(HttpClient client, HttpRequest request, Path file) throws IOException {
        long have = Files.exists(file) ? Files.size(file) : 0;
        HttpRequest.Builder b = request.toBuilder();
        if (!request.headers().contains("Accept-Encoding")) {
            b.setHeader("Accept-Encoding", "identity"); // ranges count encoded bytes: keep them plain
        }
        if (have > 0) {
            b.setHeader("Range", ByteRange.from(have).header());
        }
        HttpRequest r = b.build();
        try (HttpResponse response = client.send(r)) {
            int status = response.status();
            if (status == 206) {
                ContentRange cr = ContentRange.parse(response.headers().firstOrNull("Content-Range") == null
                        ? "" : response.headers().firstOrNull("Content-Range"));
                if (cr.first() != have) {
                    throw new ProtocolException("the server resumed at byte " + cr.first() + " but the file has " + have);
                }
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                    return new Result(status, have, response.writeBodyTo(out), cr.completeLength());
                }
            }
            if (status == 416 && have > 0) {
                String crh = response.headers().firstOrNull("Content-Range");
                ContentRange cr = crh == null ? null : ContentRange.parse(crh);
                if (cr != null && cr.completeLength() == have) {
                    return new Result(status, have, 0, have);
                }
            }
            if (status != 200) {
                throw new ProtocolException("download of " + request + " failed: " + status + " " + response.reason());
            }
            String cl = response.headers().firstOrNull("Content-Length");
            long complete = cl == null ? -1 : Http1Exchange.contentLength(response.headers().all("Content-Length"));
            return new Result(status, 0, response.saveTo(file), complete);
        }
    }
}
