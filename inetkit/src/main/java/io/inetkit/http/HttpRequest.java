package io.inetkit.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP request: method, absolute {@code http} or {@code https} URI, headers and an
 * optional body. Built with {@link #newBuilder(String)}, which validates every part when given.
 *
 * <pre>{@code
 * HttpRequest get = HttpRequest.get("https://example.org/");
 * HttpRequest post = HttpRequest.newBuilder("https://example.org/api")
 *         .post(RequestBody.ofString("{\"a\":1}", "application/json"))
 *         .header("Accept", "application/json")
 *         .build();
 * }</pre>
 *
 * <p>The client sets {@code Host}, {@code Content-Length} or {@code Transfer-Encoding}
 * itself; the framing headers cannot be set by hand (a mismatch would corrupt the connection).
 * User information in the URI ({@code user:pass@host}) becomes Basic or Digest credentials and
 * is never sent in the request line.
 */
public final class HttpRequest {

    private final Method method;
    private final URI uri;
    private final Headers headers;
    private final RequestBody body;
    private final Duration timeout;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = b.headers.build();
        this.body = b.body;
        this.timeout = b.timeout;
    }

    /**
     * A GET request.
     *
     * @param uri an absolute http or https URI
     * @return the request
     * @throws IllegalArgumentException if the URI is invalid
     */
    public static HttpRequest get(String uri) {
        return newBuilder(uri).build();
    }

    /**
     * A builder for a GET request to {@code uri}.
     *
     * @param uri an absolute http or https URI
     * @return the builder
     * @throws IllegalArgumentException if the URI is invalid
     */
    public static Builder newBuilder(String uri) {
        return new Builder().uri(uri);
    }

    /**
     * A builder for a GET request to {@code uri}.
     *
     * @param uri an absolute http or https URI
     * @return the builder
     */
    public static Builder newBuilder(URI uri) {
        return new Builder().uri(uri);
    }

    /** @return a builder holding this request's parts */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.uri = uri;
        b.headers = headers.toBuilder();
        b.body = body;
        b.timeout = timeout;
        return b;
    }

    /** @return the method */
    public Method method() {
        return method;
    }

    /** @return the absolute URI, without fragment */
    public URI uri() {
        return uri;
    }

    /** @return the headers given by the caller (the client adds Host, framing and defaults when sending) */
    public Headers headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** @return the body, or null if there is none */
    public RequestBody body() {
        return body;
    }

    /** @return the whole-call timeout of this request, or null to use the client's */
    public Duration timeout() {
        return timeout;
    }

    /** @return true if the scheme is https */
    public boolean isHttps() {
        return uri.getScheme().equals("https");
    }

    /** @return the port, the scheme's default (80 or 443) when the URI has none */
    public int port() {
        return defaultPort(uri);
    }

    static int defaultPort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    /** @return the request target in origin form: path (at least "/") and query */
    String originForm() {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String target = path == null || path.isEmpty() ? "/" : path;
        return query == null ? target : target + "?" + query;
    }

    /** @return the Host header value: host, plus the port when not the default */
    String hostHeader() {
        String host = uri.getHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = uri.getPort();
        return port == -1 || port == (isHttps() ? 443 : 80) ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return method + " " + redacted(uri);
    }

    /** @return the URI without user information, for messages and logs */
    static String redacted(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "****@");
    }

    /** Builds an {@link HttpRequest}; each setter validates its argument at once. Not thread-safe. */
    public static final class Builder {
        private Method method = Method.GET;
        private URI uri;
        private Headers.Builder headers = Headers.builder();
        private RequestBody body;
        private Duration timeout;

        private Builder() {}

        /**
         * Sets the URI.
         *
         * @param uri an absolute http or https URI
         * @return this builder
         * @throws IllegalArgumentException if the URI is not absolute http or https with a host
         */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            try {
                return uri(new URI(uri));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid URI " + HttpSyntax.quote(uri) + ": " + e.getReason(), e);
            }
        }

        /**
         * Sets the URI.
         *
         * @param uri an absolute http or https URI
         * @return this builder
         */
        public Builder uri(URI uri) {
            this.uri = checkUri(uri);
            return this;
        }

        static URI checkUri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (scheme == null || uri.isOpaque()) {
                throw new IllegalArgumentException("the URI must be absolute (http:// or https://): " + redacted(uri));
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("unsupported scheme " + HttpSyntax.quote(scheme)
                        + ": only http and https are supported");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("the URI has no host (or an invalid one): " + redacted(uri));
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new IllegalArgumentException("invalid port " + uri.getPort() + " in " + redacted(uri));
            }
            try {
                return rebuild(uri, scheme); // lower-case scheme, no fragment (never sent)
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid URI " + redacted(uri) + ": " + e.getReason(), e);
            }
        }

        private static URI rebuild(URI uri, String scheme) throws URISyntaxException {
            StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
            String path = uri.getRawPath();
            sb.append(path == null || path.isEmpty() ? "/" : path);
            if (uri.getRawQuery() != null) {
                sb.append('?').append(uri.getRawQuery());
            }
            return new URI(sb.toString());
        }

        /**
         * Sets the method and body.
         *
         * @param method the method
         * @param body the body, or null for none
         * @return this builder
         */
        public Builder method(Method method, RequestBody body) {
            this.method = Objects.requireNonNull(method, "method");
            if (body != null && (method.equals(Method.HEAD) || method.equals(Method.TRACE) || method.equals(Method.CONNECT))) {
                throw new IllegalArgumentException(method + " requests cannot have a body");
            }
            this.body = body;
            return this;
        }

        /**
         * Sets the method by name, without a body.
         *
         * @param method a method token
         * @return this builder
         */
        public Builder method(String method) {
            return method(Method.of(method), null);
        }

        /** @return this builder, set to GET without a body */
        public Builder get() {
            return method(Method.GET, null);
        }

        /** @return this builder, set to HEAD */
        public Builder head() {
            return method(Method.HEAD, null);
        }

        /** @return this builder, set to DELETE without a body */
        public Builder delete() {
            return method(Method.DELETE, null);
        }

        /**
         * Sets POST with a body.
         *
         * @param body the body
         * @return this builder
         */
        public Builder post(RequestBody body) {
            return method(Method.POST, Objects.requireNonNull(body, "body"));
        }

        /**
         * Sets PUT with a body.
         *
         * @param body the body
         * @return this builder
         */
        public Builder put(RequestBody body) {
            return method(Method.PUT, Objects.requireNonNull(body, "body"));
        }

        /**
         * Adds a header.
         *
         * @param name a token; not Content-Length or Transfer-Encoding (the client sets them)
         * @param value without CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException if invalid
         */
        public Builder header(String name, String value) {
            headers.add(checkSettable(name), value);
            return this;
        }

        /**
         * Sets a header, replacing earlier values.
         *
         * @param name a token
         * @param value without CR, LF or NUL
         * @return this builder
         */
        public Builder setHeader(String name, String value) {
            headers.set(checkSettable(name), value);
            return this;
        }

        /**
         * Removes every header of that name.
         *
         * @param name any case
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Asks the server to confirm with {@code 100 Continue} before the body is sent
         * ({@code Expect: 100-continue}); the client waits a bounded time, then sends anyway.
         *
         * @param expect true to ask
         * @return this builder
         */
        public Builder expectContinue(boolean expect) {
            if (expect) {
                headers.set("Expect", "100-continue");
            } else {
                headers.remove("Expect");
            }
            return this;
        }

        /**
         * Sets a whole-call timeout for this request, overriding the client's.
         *
         * @param timeout positive duration, or null for the client's
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        private static String checkSettable(String name) {
            HttpSyntax.checkName(name);
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IllegalArgumentException(name + " is set by the client from the request body; do not set it by hand");
            }
            return name;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         * @throws IllegalStateException if no URI was set
         */
        public HttpRequest build() {
            if (uri == null) {
                throw new IllegalStateException("no URI set");
            }
            return new HttpRequest(this);
        }
    }
}
