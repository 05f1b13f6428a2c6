package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The body of a request, written to the connection as a stream. With a known
 * {@link #contentLength()} it is sent with {@code Content-Length}; with -1 it is sent chunked.
 *
 * <p>A {@link #isReplayable() replayable} body can be written more than once: the client may
 * then resend it after a 307/308 redirect, an authentication challenge or a retry.
 *
 * @see MultipartBody multipart/form-data forms with fields and file uploads
 */
public interface RequestBody {

    /** Size of the copy buffer used for files and streams: large bodies stream in 64 KiB pieces. */
    int BUFFER_SIZE = 64 * 1024;

    /** @return the exact length in bytes, or -1 if unknown (the body is then sent chunked) */
    long contentLength();

    /** @return the media type for {@code Content-Type}, or null to send none */
    String contentType();

    /** @return true if {@link #writeTo(OutputStream)} may be called more than once */
    boolean isReplayable();

    /**
     * Writes the body. The client frames it (counting or chunking) and flushes afterwards.
     *
     * @param out where to write; do not close it
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * A body of bytes (not copied: do not change the array afterwards).
     *
     * @param bytes the content
     * @param contentType the media type, or null
     * @return a replayable body
     */
    static RequestBody ofBytes(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return new Bodies.OfBytes(bytes, contentType);
    }

    /**
     * A UTF-8 text body.
     *
     * @param text the content
     * @param contentType the media type, e.g. {@code application/json}; null for none
     * @return a replayable body
     */
    static RequestBody ofString(String text, String contentType) {
        return ofString(text, StandardCharsets.UTF_8, contentType);
    }

    /**
     * A text body in a given charset.
     *
     * @param text the content
     * @param charset how to encode it
     * @param contentType the media type; null for none
     * @return a replayable body
     */
    static RequestBody ofString(String text, Charset charset, String contentType) {
        return ofBytes(text.getBytes(charset), contentType);
    }

    /**
     * A file's content, read afresh each time it is written.
     *
     * @param file the file
     * @param contentType the media type, or null
     * @return a replayable body of the file's current size
     * @throws IOException if the file's size cannot be read
     */
    static RequestBody ofFile(Path file, String contentType) throws IOException {
        long size = Files.size(file);
        return new Bodies.OfStreams(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, size, contentType, true);
    }

    /**
     * A body from a stream that can be written only once (not replayable).
     *
     * @param in the content; closed after writing
     * @param length its length, or -1 to send it chunked
     * @param contentType the media type, or null
     * @return a one-shot body
     */
    static RequestBody ofInputStream(InputStream in, long length, String contentType) {
        Objects.requireNonNull(in, "in");
        AtomicBoolean used = new AtomicBoolean();
        return new Bodies.OfStreams(() -> {
            if (used.getAndSet(true)) {
                throw new IllegalStateException("this request body is a one-shot stream and was already sent");
            }
            return in;
        }, length, contentType, false);
    }

    /**
     * A body from a source of fresh streams: replayable, since each write opens a new stream.
     *
     * @param source opens the content; each stream is closed after writing
     * @param length the length, or -1 to send it chunked
     * @param contentType the media type, or null
     * @return a replayable body
     */
    static RequestBody ofStreams(Supplier<InputStream> source, long length, String contentType) {
        return new Bodies.OfStreams(Objects.requireNonNull(source, "source"), length, contentType, true);
    }
}
