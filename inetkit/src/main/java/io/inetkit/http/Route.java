package io.inetkit.http;

import io.inetkit.net.Endpoint;

/**
 * Where a pooled connection leads: origin scheme, host and port, and the proxy used. Two
 * requests with the same route may share a connection.
 *
 * @param https true for TLS to the origin
 * @param origin the origin server
 * @param proxy the proxy, or {@link Proxy#DIRECT}
 */
record Route(boolean https, Endpoint origin, Proxy proxy) {
    // equals and hashCode written out: a record's generated ones link through invokedynamic
    // (ObjectMethods), which spins classes at run time that the AOT cache does not hold
    // (~10 ms of every `inet get`, which uses this as a pool key).

    @Override
    public boolean equals(Object o) {
        return o instanceof Route other && https == other.https && origin.equals(other.origin)
                && proxy.equals(other.proxy);
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(https) * 31 + origin.hashCode()) * 31 + proxy.hashCode();
    }

    static Route of(HttpRequest request, Proxy proxy) {
        return new Route(request.isHttps(), Endpoint.of(request.uri().getHost(), request.port()), proxy);
    }

    /** @return true if plain http goes through an HTTP proxy: the request line then uses the absolute form */
    boolean usesAbsoluteForm() {
        return !https && proxy instanceof Proxy.Http;
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + origin + (proxy instanceof Proxy.Direct ? "" : " via " + proxy);
    }
}
