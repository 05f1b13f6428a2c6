package io.inetkit.http;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port of a URI (RFC 6454). Credentials and cookies set by the caller are only
 * sent to the origin they were meant for.
 *
 * @param scheme http or https
 * @param host the host, lower case
 * @param port the port (the scheme's default if none)
 */
record Origin(String scheme, String host, int port) {

    static Origin of(URI uri) {
        return new Origin(uri.getScheme(), uri.getHost().toLowerCase(Locale.ROOT), HttpRequest.defaultPort(uri));
    }
}
