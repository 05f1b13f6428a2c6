package io.inetkit.http;

import io.inetkit.text.LimitExceededException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An HTTP response: status, reason, version, headers and the body as a stream. The status is
 * data, not an exception: a 404 is a normal response.
 *
 * <p>Always close the response (try-with-resources); closing it closes the body. A body read to
 * its end returns its connection to the pool; a body closed early closes the connection. A
 * response that is dropped without being closed is detected when it is garbage-collected: its
 * connection is then closed and a warning is logged to the {@code io.inetkit.http} logger.
 *
 * <pre>{@code
 * try (HttpResponse r = client.send(HttpRequest.get("https://example.org/"))) {
 *     if (r.status() == 200) {
 *         r.body().transferTo(out);
 *     }
 * }
 * }</pre>
 */
public final class HttpResponse implements Closeable {

    private static final Supplier<Headers> NO_TRAILERS = () -> Headers.EMPTY;

    private final HttpRequest request;
    private final int status;
    private final String reason;
    private final HttpVersion version;
    private final Headers headers;
    private final InputStream body;
    private final Supplier<Headers> trailers;

    /**
     * Creates a response; used by the client and by interceptors that replace a response.
     *
     * @param request the request that produced it
     * @param status the status code, 100 to 999
     * @param reason the reason phrase (may be empty)
     * @param version the protocol version
     * @param headers the header fields
     * @param body the body stream (an empty stream when there is none)
     * @param trailers gives the trailer fields once the body was read to its end; null for none
     */
    public HttpResponse(HttpRequest request, int status, String reason, HttpVersion version, Headers headers,
            InputStream body, Supplier<Headers> trailers) {
        this.request = Objects.requireNonNull(request, "request");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be 100 to 999, got " + status);
        }
        this.status = status;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.version = Objects.requireNonNull(version, "version");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.trailers = trailers == null ? NO_TRAILERS : trailers;
    }

    /** @return the request this response answers (after redirects: the last one sent) */
    public HttpRequest request() {
        return request;
    }

    /** @return the status code, e.g. 200 */
    public int status() {
        return status;
    }

    /** @return the reason phrase as sent (may be empty) */
    public String reason() {
        return reason;
    }

    /** @return the protocol version of the response */
    public HttpVersion version() {
        return version;
    }

    /** @return the header fields */
    public Headers headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** @return true for a 2xx status */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** @return true for 301, 302, 303, 307 and 308 */
    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The body as a stream, read once. It ends where the message ends (Content-Length, last chunk,
     * or connection close); a connection that closes early makes it throw
     * {@link io.inetkit.text.ConnectionClosedException}; a peer that stops sending makes it throw
     * {@link io.inetkit.text.ReadTimeoutException} after the read timeout.
     *
     * @return the body stream
     */
    public InputStream body() {
        return body;
    }

    /** @return the trailer fields of a chunked body, available once the body was read to its end (else empty) */
    public Headers trailers() {
        return trailers.get();
    }

    /** @return the trailer supplier, for interceptors that wrap the body */
    Supplier<Headers> trailerSupplier() {
        return trailers;
    }

    /**
     * Reads the whole body into memory and closes the response.
     *
     * @param maxBytes the most bytes accepted
     * @return the body
     * @throws LimitExceededException if the body is longer than {@code maxBytes}
     * @throws IOException if reading fails
     */
    public byte[] bodyBytes(int maxBytes) throws IOException {
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be 0 to " + (Integer.MAX_VALUE - 16) + ", got " + maxBytes);
        }
        try (this) {
            long declared = declaredLength();
            byte[] buf;
            int n = 0;
            if (declared >= 0 && declared <= Math.min(maxBytes, PRESIZE_LIMIT)) {
                // Content-Length known: one array of the right size, returned without a copy
                // (bounded: a HEAD or 304 may declare a length and send nothing)
                buf = new byte[(int) declared];
                while (n < buf.length) {
                    int r = body.read(buf, n, buf.length - n);
                    if (r < 0) {
                        return Arrays.copyOf(buf, n); // the body stream reports a short body itself
                    }
                    n += r;
                }
                int extra = body.read();
                if (extra < 0) {
                    return buf;
                }
                buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1L, Math.max(8192, buf.length * 2L)));
                buf[n++] = (byte) extra;
            } else {
                buf = new byte[(int) Math.min(maxBytes + 1L, 8192)];
            }
            while (true) {
                if (n == buf.length) {
                    if (n > maxBytes) {
                        throw new LimitExceededException("the response body is larger than " + maxBytes + " bytes", maxBytes);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1L, buf.length * 2L));
                }
                int r = body.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > maxBytes) {
                throw new LimitExceededException("the response body is larger than " + maxBytes + " bytes", maxBytes);
            }
            return Arrays.copyOf(buf, n);
        }
    }

    /** The largest body {@link #bodyBytes(int)} allocates up front from its Content-Length. */
    private static final int PRESIZE_LIMIT = 1 << 20;

    /** @return the Content-Length as a number, or -1 if absent or not a plain number */
    private long declaredLength() {
        String cl = headers.firstOrNull("Content-Length");
        if (cl == null || cl.isEmpty() || cl.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < cl.length(); i++) {
            char c = cl.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Reads the whole body (at most 64 MiB) as text, in the charset of {@code Content-Type}
     * (UTF-8 when none or unknown), and closes the response.
     *
     * @return the text
     * @throws IOException if reading fails or the body is too large
     */
    public String bodyString() throws IOException {
        return new String(bodyBytes(64 << 20), charset());
    }

    /** @return the charset named in Content-Type, UTF-8 if absent or unknown */
    public Charset charset() {
        String type = headers.firstOrNull("Content-Type");
        if (type != null) {
            for (String param : type.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).replace("\"", "").strip();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Streams the body to {@code out} (with a buffer of at most 64 KiB) and closes the response.
     *
     * @param out the destination (not closed)
     * @return bytes copied
     * @throws IOException if reading or writing fails
     */
    public long writeBodyTo(OutputStream out) throws IOException {
        try (this) {
            return body.transferTo(out);
        }
    }

    /**
     * Saves the body to a file (replacing it) and closes the response.
     *
     * @param file the destination
     * @return bytes written
     * @throws IOException if reading or writing fails
     */
    public long saveTo(Path file) throws IOException {
        try (this; OutputStream out = Files.newOutputStream(file)) {
            return body.transferTo(out);
        }
    }

    /**
     * Returns a copy with another body and headers, sharing the rest; for interceptors such as
     * decompression. Closing the copy closes the new body.
     *
     * @param newHeaders the headers
     * @param newBody the body
     * @return the copy
     */
    public HttpResponse withBody(Headers newHeaders, InputStream newBody) {
        return new HttpResponse(request, status, reason, version, newHeaders, newBody, trailers);
    }

    /**
     * Returns a copy answering another request (redirects and retries set the final request).
     *
     * @param newRequest the request
     * @return the copy
     */
    public HttpResponse withRequest(HttpRequest newRequest) {
        return new HttpResponse(newRequest, status, reason, version, headers, body, trailers);
    }

    /** Closes the body: a body not read to its end closes its connection instead of returning it to the pool. */
    @Override
    public void close() throws IOException {
        body.close();
    }

    /** @return e.g. {@code HTTP/1.1 200 OK (GET https://example.org/)} */
    @Override
    public String toString() {
        return version + " " + status + (reason.isEmpty() ? "" : " " + reason) + " (" + request + ")";
    }
}
