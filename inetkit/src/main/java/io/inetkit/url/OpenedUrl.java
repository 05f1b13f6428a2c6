package io.inetkit.url;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;

/**
 * An opened URL: its content as a stream and what is known about it. Close it to release the
 * connection or file.
 *
 * @param uri the final URI (after redirects for HTTP)
 * @param status the HTTP status, or {@link #NO_STATUS} for schemes without one
 * @param contentType the media type, or null if unknown
 * @param contentLength the length in bytes, or -1 if unknown
 * @param body the content; read it, then close this object
 */
public record OpenedUrl(URI uri, int status, String contentType, long contentLength, InputStream body)
        implements Closeable {

    /** The {@link #status()} of schemes that have none (file, ftp, ...). */
    public static final int NO_STATUS = -1;

    /** Checks the fields. */
    public OpenedUrl {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        if (contentLength < -1) {
            throw new IllegalArgumentException("contentLength must be -1 (unknown) or more, got " + contentLength);
        }
    }

    /** Closes the body. */
    @Override
    public void close() throws IOException {
        body.close();
    }
}
