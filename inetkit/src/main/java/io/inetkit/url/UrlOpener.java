package io.inetkit.url;

import io.inetkit.http.HttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Opens a URL of any registered scheme and returns its content as a stream, like Python's
 * {@code urlopen}. The set of handlers is fixed when the opener is built.
 *
 * <pre>{@code
 * try (UrlOpener opener = UrlOpener.defaults();
 *      OpenedUrl u = opener.open(URI.create("file:///etc/hostname"))) {
 *     u.body().transferTo(System.out);
 * }
 * }</pre>
 *
 * <p>Built in: {@code http}/{@code https} ({@link HttpSchemeHandler}) and {@code file}
 * ({@link FileSchemeHandler}). A handler given to {@link Builder#handler} replaces the built-in
 * one for the same scheme. Thread-safe.
 */
public final class UrlOpener implements AutoCloseable {

    private final Map<String, SchemeHandler> handlers;
    private final HttpClient ownedClient;

    private UrlOpener(Map<String, SchemeHandler> handlers, HttpClient ownedClient) {
        this.handlers = Map.copyOf(handlers);
        this.ownedClient = ownedClient;
    }

    /** @return an opener for http, https and file with the HTTP client's defaults */
    public static UrlOpener defaults() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the schemes this opener handles */
    public Set<String> schemes() {
        return handlers.keySet();
    }

    /**
     * Opens a URL.
     *
     * @param uri an absolute URI
     * @return its content and metadata; close it
     * @throws UnsupportedSchemeException if no handler claims the scheme
     * @throws IOException if opening fails
     */
    public OpenedUrl open(URI uri) throws IOException {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        SchemeHandler handler = scheme == null ? null : handlers.get(scheme);
        if (handler == null) {
            throw new UnsupportedSchemeException(scheme, handlers.keySet());
        }
        return handler.open(uri);
    }

    /**
     * Opens a URL given as text.
     *
     * @param url an absolute URL
     * @return its content and metadata; close it
     * @throws IOException if the URL is malformed, its scheme unsupported, or opening fails
     */
    public OpenedUrl open(String url) throws IOException {
        try {
            return open(new URI(url));
        } catch (URISyntaxException e) {
            throw new java.net.MalformedURLException("invalid URL \"" + url + "\": " + e.getReason());
        }
    }

    /** Closes the HTTP client the opener created (not one given to the builder). */
    @Override
    public void close() {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }

    /** Builds an {@link UrlOpener}. */
    public static final class Builder {
        private final Map<String, SchemeHandler> handlers = new LinkedHashMap<>();
        private HttpClient httpClient;

        private Builder() {}

        /**
         * Uses this client for http and https (the caller closes it); by default the opener
         * creates one with the defaults and closes it in {@link UrlOpener#close()}.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Registers a handler for its schemes, replacing any earlier or built-in one.
         *
         * @param handler the handler
         * @return this builder
         * @throws IllegalArgumentException if a scheme is not lower-case letters, digits, +, - or .
         */
        public Builder handler(SchemeHandler handler) {
            Objects.requireNonNull(handler, "handler");
            Set<String> schemes = handler.schemes();
            if (schemes.isEmpty()) {
                throw new IllegalArgumentException("the handler names no scheme: " + handler);
            }
            for (String s : schemes) {
                if (!s.matches("[a-z][a-z0-9+.-]*")) {
                    throw new IllegalArgumentException("invalid scheme name \"" + s + "\" (lower-case, like ftp)");
                }
                handlers.put(s, handler);
            }
            return this;
        }

        /** @return the opener */
        public UrlOpener build() {
            Map<String, SchemeHandler> all = new LinkedHashMap<>();
            HttpClient owned = null;
            HttpClient client = httpClient;
            boolean needsHttp = !handlers.containsKey("http") || !handlers.containsKey("https");
            if (client == null && needsHttp) {
                owned = HttpClient.newClient();
                client = owned;
            }
            if (client != null) {
                HttpSchemeHandler http = new HttpSchemeHandler(client);
                all.put("http", http);
                all.put("https", http);
            }
            all.put("file", new FileSchemeHandler());
            all.putAll(handlers);
            return new UrlOpener(all, owned);
        }
    }
}
