package io.inetkit.http;

import io.inetkit.net.Endpoint;
import java.util.Objects;

/**
 * How the client reaches an origin server: directly, through an HTTP proxy, or through a
 * SOCKS5 proxy. Chosen per request by a {@link ProxySelector}.
 */
public sealed interface Proxy {

    /** No proxy. */
    Proxy DIRECT = new Direct();

    /** A direct connection to the origin. */
    record Direct() implements Proxy {
        // written out: the generated ones link through invokedynamic, outside the AOT cache
        @Override
        public boolean equals(Object o) {
            return o instanceof Direct;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /**
     * An HTTP proxy: plain {@code http} requests are sent to it in absolute form; {@code https}
     * goes through a {@code CONNECT} tunnel, with TLS end to end to the origin.
     *
     * @param endpoint the proxy's host and port
     * @param credentials for {@code Proxy-Authorization: Basic}, or null
     */
    record Http(Endpoint endpoint, Credentials credentials) implements Proxy {
        /** Checks the endpoint. */
        public Http {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /**
     * A SOCKS5 proxy (RFC 1928); host names are resolved by the proxy (remote DNS).
     *
     * @param endpoint the proxy's host and port
     * @param credentials for username/password authentication (RFC 1929), or null
     */
    record Socks5(Endpoint endpoint, Credentials credentials) implements Proxy {
        /** Checks the endpoint. */
        public Socks5 {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }
}
