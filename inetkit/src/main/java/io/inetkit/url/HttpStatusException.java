package io.inetkit.url;

import java.io.IOException;
import java.net.URI;

/**
 * An HTTP URL answered with an error status (400 or more), like urllib's {@code HTTPError}.
 * The status is kept for callers that want to tell 404 from 503.
 */
public final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;

    /**
     * Creates the exception.
     *
     * @param uri the URI that failed (credentials are not included in the message)
     * @param status the status
     * @param reason the reason phrase, may be empty
     */
    public HttpStatusException(URI uri, int status, String reason) {
        super(UrlText.redacted(uri) + " returned HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason));
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
