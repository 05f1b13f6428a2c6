package io.inetkit.http;

import io.inetkit.net.TlsConfig;
import io.inetkit.server.Connection;
import io.inetkit.server.ConnectionHandler;
import io.inetkit.server.OverloadPolicy;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import io.inetkit.server.StreamServer;
import io.inetkit.server.TlsListener;
import io.inetkit.socket.IpText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP/1.1 server on {@link io.inetkit.server}: each connection is served in its own virtual
 * thread by a keep-alive loop; requests are routed by method and longest path prefix to
 * {@link HttpHandler}s. Build and start one with {@link #builder()}; see the package
 * documentation for an example.
 *
 * <p>Requests are checked strictly before a handler sees them (see {@link HttpServerLimits}):
 * request line 414, header block 431, body 413, head deadline 408, and any ambiguity in message
 * framing (request smuggling) 400; each of these closes the connection. Connections beyond
 * {@link HttpServerLimits#maxConnections()} get a 503 and are closed.
 */
public final class HttpServer implements AutoCloseable {
    static final System.Logger LOG = System.getLogger(HttpServer.class.getName());
    /** Sent to connections beyond {@link HttpServerLimits#maxConnections()}, which are then closed. */
    private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final HttpServerLimits limits;
    private final Router router;
    private final Consumer<String> accessLog;
    private final String serverLine;
    private final DateCache dates = new DateCache();
    private final ConnectionSweeper sweeper;
    private final boolean secure;
    private volatile boolean closing;
    private StreamServer server;

    private HttpServer(Builder b) {
        this.limits = b.limits;
        this.router = new Router(b.routes);
        this.accessLog = b.accessLog;
        this.serverLine = b.serverName == null ? null : "Server: " + b.serverName + "\r\n";
        this.sweeper = new ConnectionSweeper(b.limits);
        this.secure = b.tls != null;
    }

    /** {@return a builder: loopback, a free port, no routes, default limits} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the address the server listens on, with the real port} */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** {@return the base URI, e.g. {@code http://127.0.0.1:43210/}} */
    public URI uri() {
        InetSocketAddress a = address();
        String host = IpText.of(a.getAddress());
        if (host.indexOf(':') >= 0) {
            host = "[" + host.replaceFirst("%.*", "") + "]";
        }
        return URI.create((secure ? "https" : "http") + "://" + host + ":" + a.getPort() + "/");
    }

    /** {@return the limits in force} */
    public HttpServerLimits limits() {
        return limits;
    }

    /**
     * Stops accepting, closes idle keep-alive connections at once, lets requests in flight
     * finish within the grace period (their responses say {@code Connection: close}), then
     * closes the rest.
     *
     * @param grace how long requests in flight may go on
     * @return true when every connection ended
     */
    public boolean shutdown(Duration grace) {
        closing = true;
        sweeper.closeIdle();
        boolean done = server.shutdown(grace);
        sweeper.stop();
        return done;
    }

    /** Shuts down with a 5 s grace period. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }

    // --- for ServerExchange

    boolean closing() {
        return closing;
    }

    Router router() {
        return router;
    }

    Consumer<String> accessLog() {
        return accessLog;
    }

    String serverLine() {
        return serverLine;
    }

    DateCache dates() {
        return dates;
    }

    /**
     * Answers 503 to a connection beyond the limit. The request is read (a little, briefly)
     * after the answer, since closing with unread data would reset the connection and lose the 503.
     */
    private static void busy(Connection conn) throws IOException {
        conn.write(BUSY);
        conn.shutdownOutput();
        conn.setIdleTimeout(Duration.ofSeconds(1));
        byte[] skip = new byte[4096];
        int total = 0;
        int n;
        while (total < 64 * 1024 && (n = conn.read(skip)) >= 0) {
            total += n;
        }
    }

    private void serve(Connection conn) throws IOException {
        ServerExchange e = new ServerExchange(this, conn);
        sweeper.add(e);
        try {
            e.run();
        } finally {
            sweeper.remove(e);
        }
    }

    /** Configures and starts an {@link HttpServer}. */
    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private TlsConfig tls;
        private HttpServerLimits limits = HttpServerLimits.DEFAULTS;
        private final List<ServerRoute> routes = new ArrayList<>();
        private Consumer<String> accessLog;
        private String serverName = "inetkit";
        private String name = "http";

        private Builder() {}

        /**
         * Sets the listen address.
         *
         * @param address host and port (port 0 picks a free one)
         * @return this builder
         */
        public Builder bind(InetSocketAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets the listen address.
         *
         * @param host a host name or literal, e.g. {@code 0.0.0.0} or {@code ::1}
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder bind(String host, int port) {
            return bind(new InetSocketAddress(host, port));
        }

        /**
         * Listens on the loopback address at a port.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /**
         * Serves HTTPS with the key and certificates of a TLS configuration.
         *
         * @param tls the configuration (its key store supplies the server certificate)
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(HttpServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Routes a method and path prefix to a handler, with the default body limit.
         *
         * @param method the method, or null for any method
         * @param prefix a path starting with {@code /}; {@code /a} matches {@code /a} and {@code /a/...},
         *     {@code /a/} matches everything below it
         * @param handler the handler
         * @return this builder
         */
        public Builder route(Method method, String prefix, HttpHandler handler) {
            return route(method, prefix, -1, handler);
        }

        /**
         * Routes a method and path prefix to a handler with its own body limit.
         *
         * @param method the method, or null for any method
         * @param prefix a path starting with {@code /}
         * @param maxBodySize the largest request body, or -1 for the limits' default
         * @param handler the handler
         * @return this builder
         */
        public Builder route(Method method, String prefix, long maxBodySize, HttpHandler handler) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(handler, "handler");
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("a route prefix must start with /, got " + HttpSyntax.quote(prefix));
            }
            if (maxBodySize < -1) {
                throw new IllegalArgumentException("maxBodySize must be -1 or at least 0, got " + maxBodySize);
            }
            for (ServerRoute r : routes) {
                if (r.prefix().equals(prefix) && Objects.equals(r.method(), method)) {
                    throw new IllegalArgumentException("route " + (method == null ? "*" : method) + " " + prefix + " is already set");
                }
            }
            routes.add(new ServerRoute(method, prefix, maxBodySize, handler));
            return this;
        }

        /**
         * Routes GET (and so HEAD) requests under a prefix.
         *
         * @param prefix the path prefix
         * @param handler the handler
         * @return this builder
         */
        public Builder get(String prefix, HttpHandler handler) {
            return route(Method.GET, prefix, handler);
        }

        /**
         * Routes POST requests under a prefix.
         *
         * @param prefix the path prefix
         * @param handler the handler
         * @return this builder
         */
        public Builder post(String prefix, HttpHandler handler) {
            return route(Method.POST, prefix, handler);
        }

        /**
         * Sends one Common Log Format line per request to a sink (called in the connection's thread).
         *
         * @param sink the sink, e.g. {@code System.out::println}
         * @return this builder
         */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the {@code Server} header value (default {@code inetkit}).
         *
         * @param value the product token, or null to send no {@code Server} header
         * @return this builder
         */
        public Builder serverName(String value) {
            if (value != null) {
                HttpSyntax.checkValue("Server", value);
            }
            this.serverName = value;
            return this;
        }

        /**
         * Names the server's threads.
         *
         * @param name a short name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IOException when binding fails (e.g. the port is taken)
         */
        public HttpServer start() throws IOException {
            List<ServerRoute> resolved = new ArrayList<>();
            for (ServerRoute r : routes) {
                resolved.add(new ServerRoute(r.method(), r.prefix(), r.maxBodySize() < 0 ? limits.maxBodySize() : r.maxBodySize(), r.handler()));
            }
            routes.clear();
            routes.addAll(resolved);
            HttpServer http = new HttpServer(this);
            ServerConfig.Builder config = ServerConfig.builder().bind(bind).name(name)
                    .idleTimeout(limits.idleTimeout()).maxConnections(limits.maxConnections()).tcpNoDelay(true)
                    .overloadPolicy(OverloadPolicy.busy(HttpServer::busy));
            if (tls != null) {
                TlsConfig t = tls;
                config.tls(new TlsListener(t.sslContext(), p -> copy(t.serverParameters(), p), TlsListener.DEFAULT_HANDSHAKE_TIMEOUT));
            }
            ConnectionHandler handler = http::serve;
            http.server = Server.tcp(config.build(), handler);
            http.sweeper.start(name);
            http.server.start();
            return http;
        }

        private static void copy(SSLParameters from, SSLParameters to) {
            to.setProtocols(from.getProtocols());
            to.setApplicationProtocols(from.getApplicationProtocols());
        }
    }
}
