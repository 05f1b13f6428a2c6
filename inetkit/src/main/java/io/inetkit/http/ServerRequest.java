package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request received by an {@link HttpServer}. The head was checked before the handler
 * runs (no smuggling, bounded sizes, no dot segments or NUL in the path); the body is a stream
 * bounded by the route's limit, read straight from the connection.
 */
public final class ServerRequest {
    private final RequestHead head;
    private final ServerBodyStream body;
    private final SocketAddress remote;
    private final boolean secure;
    private final String routePrefix;

    ServerRequest(RequestHead head, ServerBodyStream body, SocketAddress remote, boolean secure, String routePrefix) {
        this.head = head;
        this.body = body;
        this.remote = remote;
        this.secure = secure;
        this.routePrefix = routePrefix;
    }

    /** {@return the method} */
    public Method method() {
        return head.method();
    }

    /** {@return the request target exactly as received, e.g. {@code /a%20b?x=1}} */
    public String target() {
        return head.target();
    }

    /** {@return the path, percent-decoded as UTF-8, e.g. {@code /a b}} */
    public String path() {
        return head.path();
    }

    /** {@return the path as received, still percent-encoded, without the query} */
    public String rawPath() {
        return head.rawPath();
    }

    /** {@return the query as received (after {@code ?}), still encoded} */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(head.query());
    }

    /**
     * The first value of a query parameter ({@code application/x-www-form-urlencoded} rules).
     *
     * @param name the decoded parameter name
     * @return the decoded value ("" for a name without {@code =}), or empty when absent or invalid
     */
    public Optional<String> queryParameter(String name) {
        List<String> all = queryParameters(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * All values of a query parameter.
     *
     * @param name the decoded parameter name
     * @return the decoded values, in order
     */
    public List<String> queryParameters(String name) {
        List<String> out = new ArrayList<>();
        String q = head.query();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = PathCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            if (name.equals(k)) {
                String v = eq < 0 ? "" : PathCodec.decode(pair.substring(eq + 1), true);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** {@return the protocol version of the request} */
    public HttpVersion version() {
        return head.version();
    }

    /** {@return the header fields} */
    public Headers headers() {
        return head.headers();
    }

    /**
     * The first value of a header.
     *
     * @param name the name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        return head.headers().first(name);
    }

    /** {@return the body length declared by Content-Length, or -1 (chunked or none: 0)} */
    public long contentLength() {
        return head.contentLength();
    }

    /**
     * The body. Reads fail with {@link io.inetkit.text.BodyTooLargeException} past the route's
     * limit (the server then answers 413 if nothing was sent). The first read sends
     * {@code 100 Continue} when the client waits for it.
     *
     * @return the body stream (empty when there is none)
     */
    public InputStream body() {
        return body;
    }

    /**
     * Reads the whole body (bounded by the route's limit).
     *
     * @return the bytes
     * @throws IOException when reading fails or the body is too large
     */
    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }

    /** {@return the client's address} */
    public SocketAddress remoteAddress() {
        return remote;
    }

    /** {@return whether the request came over TLS} */
    public boolean isSecure() {
        return secure;
    }

    /** {@return the path prefix of the route that matched, e.g. {@code /static/}} */
    public String routePrefix() {
        return routePrefix;
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target() + " " + head.version();
    }
}
