package io.inetkit.url;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/** No handler of the opener claims a URI's scheme; the message lists those that exist. */
public final class UnsupportedSchemeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The scheme that was asked for. */
    private final String scheme;

    /**
     * Creates the exception.
     *
     * @param scheme the scheme asked for (may be null for a relative URI)
     * @param supported the schemes the opener has handlers for
     */
    public UnsupportedSchemeException(String scheme, Set<String> supported) {
        super((scheme == null ? "the URL has no scheme" : "unsupported URL scheme \"" + scheme + "\"")
                + "; supported: " + String.join(", ", new TreeSet<>(supported)));
        this.scheme = scheme;
    }

    /** @return the scheme asked for, or null if the URI had none */
    public String scheme() {
        return scheme;
    }
}
