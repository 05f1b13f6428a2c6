package io.inetkit.http;

import java.net.URI;

/** Chooses the {@link Proxy} for a request URI. Must be thread-safe. */
@FunctionalInterface
public interface ProxySelector {

    /** Always direct. */
    ProxySelector NONE = uri -> Proxy.DIRECT;

    /**
     * Chooses a proxy.
     *
     * @param uri the request URI (http or https)
     * @return the proxy, or {@link Proxy#DIRECT}
     */
    Proxy select(URI uri);

    /**
     * Sends every request through one proxy.
     *
     * @param proxy the proxy
     * @return the selector
     */
    static ProxySelector of(Proxy proxy) {
        return uri -> proxy;
    }
}
