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
    // equals and hashCode written out: a record's generated ones link through invokedynamic
    // (ObjectMethods), which spins classes at run time that the AOT cache does not hold
    // (~10 ms of every `inet get`, which uses this as a pool key).

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && port == other.port && scheme.equals(other.scheme)
                && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }


    static Origin of(URI uri) {
        return new Origin(uri.getScheme(), uri.getHost().toLowerCase(Locale.ROOT), HttpRequest.defaultPort(uri));
    }
}
