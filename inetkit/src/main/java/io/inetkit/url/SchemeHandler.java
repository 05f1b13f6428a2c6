package io.inetkit.url;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Opens URLs of some schemes. Register one with {@link UrlOpener.Builder#handler}; an opener
 * asks the handler that claims a URI's scheme. Implementations must be thread-safe.
 */
public interface SchemeHandler {

    /** @return the lower-case schemes this handler opens, e.g. {@code ftp} and {@code ftps} */
    Set<String> schemes();

    /**
     * Opens a URI whose scheme is one of {@link #schemes()}.
     *
     * @param uri an absolute URI
     * @return the opened content; the caller closes it
     * @throws IOException if it cannot be opened
     */
    OpenedUrl open(URI uri) throws IOException;
}
