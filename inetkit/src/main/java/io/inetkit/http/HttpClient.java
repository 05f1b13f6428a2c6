package io.inetkit.http;

import io.inetkit.net.Dialer;
import io.inetkit.net.Resolver;
import io.inetkit.net.Timeouts;
import io.inetkit.net.TlsConfig;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LineReader;
import io.inetkit.text.Transcript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An HTTP/1.1 client with a keep-alive connection pool. Thread-safe: build one, share it, and
 * close it when done (closing closes the idle connections).
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.builder().callTimeout(Duration.ofSeconds(30)).build();
 *      HttpResponse r = client.send(HttpRequest.get("https://example.org/"))) {
 *     System.out.println(r.status() + " " + r.bodyString());
 * }
 * }</pre>
 *
 * <p>Each call runs through the interceptor chain: the caller's {@link Builder#interceptor
 * interceptors}, then the built-in links (retries when enabled, redirects, authentication,
 * cookies when a jar is set, decompression), then the caller's
 * {@link Builder#networkInterceptor network interceptors}, then the network exchange.
 */
public final class HttpClient implements AutoCloseable {

    /** The default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "inetkit/0.1";

    private final Dialer dialer;
    private final Duration callTimeout;
    private final int continueTimeoutMillis;
    private final HeaderRules headerRules;
    private final String userAgent;
    private final Transcript transcript;
    private final InformationalListener informationalListener;
    private final CallListener callListener;
    private final ProxySelector proxySelector;
    private final ConnectionPool pool;
    private final Connector connector;
    private final List<Interceptor> links;
    private final Builder config;
    private final ReentrantLock lock = new ReentrantLock();
    private final ClientTimer timer = new ClientTimer("inetkit-http-deadlines");
    private volatile boolean closed;

    private HttpClient(Builder b) {
        this.config = b.copy();
        Dialer.Builder d = Dialer.builder().timeouts(b.timeouts).tls(b.tls).sourceAddress(b.sourceAddress)
                .unixSocket(b.unixSocket);
        if (b.resolver != null) {
            d.resolver(b.resolver);
        }
        this.dialer = d.build();
        this.callTimeout = b.callTimeout;
        this.continueTimeoutMillis = (int) b.continueTimeout.toMillis();
        this.headerRules = b.headerRules;
        this.userAgent = b.userAgent;
        this.transcript = b.transcript;
        this.informationalListener = b.informationalListener;
        this.callListener = b.callListener;
        // curl too ignores proxies with --unix-socket: the socket is the only way out
        this.proxySelector = b.unixSocket != null ? ProxySelector.NONE : b.proxySelector;
        this.pool = new ConnectionPool(b.maxIdlePerHost, b.timeouts.idle().toNanos(),
                b.validateAfterInactivity.toNanos(), timer::schedule);
        this.connector = new Connector(dialer, b.maxLineLength);
        List<Interceptor> l = new ArrayList<>(b.interceptors);
        l.addAll(BuiltIns.links(b));
        l.addAll(b.networkInterceptors);
        l.add(new NetworkLink(this));
        this.links = List.copyOf(l);
    }

    /** @return a client with the defaults (see {@link Builder}) */
    public static HttpClient newClient() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this client's settings, to make a differently configured client */
    public Builder toBuilder() {
        return config.copy();
    }

    /**
     * Prepares a call that can be executed once and canceled.
     *
     * @param request the request
     * @return the call
     * @throws IllegalStateException if the client is closed
     */
    public HttpCall newCall(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the HTTP client is closed");
        }
        return new HttpCall(this, request);
    }

    /**
     * Sends a request and returns the response; the status is data, not an exception.
     *
     * @param request the request
     * @return the response; close it
     * @throws IOException if the call fails (connect, TLS, protocol, timeout)
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        return newCall(request).execute();
    }

    /**
     * Sends a request on a virtual thread. Cancelling the future cancels the call (its
     * connection is closed); a response that arrives after that is closed.
     *
     * @param request the request
     * @return the future response
     */
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        HttpCall call = newCall(request);
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        Thread.ofVirtual().name("inetkit-http-call").start(() -> {
            try {
                HttpResponse r = call.execute();
                if (!future.complete(r)) {
                    r.close();
                }
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** @return the whole-call timeout, or null for none */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return the connect, read and keep-alive (idle) timeouts */
    public Timeouts timeouts() {
        return dialer.timeouts();
    }

    /** @return the number of idle pooled connections */
    public int idleConnectionCount() {
        return pool.idleCount();
    }

    /** Closes idle connections and stops the deadline timer; calls in flight finish, their connections are then closed. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        pool.close();
        timer.close();
    }

    // ---- for the package ----

    List<Interceptor> links() {
        return links;
    }

    ConnectionPool pool() {
        return pool;
    }

    Connector connector() {
        return connector;
    }

    ProxySelector proxySelector() {
        return proxySelector;
    }

    HeaderRules headerRules() {
        return headerRules;
    }

    String userAgent() {
        return userAgent;
    }

    Transcript transcript() {
        return transcript;
    }

    InformationalListener informationalListener() {
        return informationalListener;
    }

    CallListener callListener() {
        return callListener;
    }

    int continueTimeoutMillis() {
        return continueTimeoutMillis;
    }

    /** Runs a task on the client's timer thread (made on first use); null once the client is closed. */
    ClientTimer.Task schedule(Runnable task, long delayNanos) {
        return timer.schedule(task, delayNanos);
    }

    /**
     * Settings of an {@link HttpClient}; each setter validates at once. Defaults: connect 10 s,
     * read 60 s, keep-alive 5 min, 5 idle connections per host, no call timeout, redirects
     * followed (at most 50), gzip/deflate decompression (at most 1 GiB decompressed), no retries,
     * no cookie jar, no proxy, 1 s wait for {@code 100 Continue}.
     */
    public static final class Builder {
        Timeouts timeouts = Timeouts.DEFAULT;
        TlsConfig tls = TlsConfig.defaults();
        InetAddress sourceAddress;
        Resolver resolver;
        Path unixSocket;
        Duration callTimeout;
        Duration continueTimeout = Duration.ofSeconds(1);
        int maxIdlePerHost = 5;
        Duration validateAfterInactivity = Duration.ofSeconds(2);
        int maxLineLength = LineReader.DEFAULT_MAX_LINE_LENGTH;
        HeaderRules headerRules = HeaderRules.HTTP;
        String userAgent = DEFAULT_USER_AGENT;
        Transcript transcript = Transcript.NONE;
        InformationalListener informationalListener = InformationalListener.NONE;
        CallListener callListener = CallListener.NONE;
        ProxySelector proxySelector = ProxySelector.NONE;
        boolean followRedirects = true;
        int maxRedirects = 50;
        boolean decompress = true;
        long maxDecompressedBytes = 1L << 30;
        Credentials credentials;
        Function<URI, Credentials> credentialsLookup;
        boolean basicAtOnce;
        boolean digestOnly;
        CookieJar cookieJar;
        RetryPolicy retryPolicy;
        List<Interceptor> interceptors = new ArrayList<>();
        List<Interceptor> networkInterceptors = new ArrayList<>();

        private Builder() {}

        Builder copy() {
            Builder b = new Builder();
            b.timeouts = timeouts;
            b.tls = tls;
            b.sourceAddress = sourceAddress;
            b.resolver = resolver;
            b.unixSocket = unixSocket;
            b.callTimeout = callTimeout;
            b.continueTimeout = continueTimeout;
            b.maxIdlePerHost = maxIdlePerHost;
            b.validateAfterInactivity = validateAfterInactivity;
            b.maxLineLength = maxLineLength;
            b.headerRules = headerRules;
            b.userAgent = userAgent;
            b.transcript = transcript;
            b.informationalListener = informationalListener;
            b.callListener = callListener;
            b.proxySelector = proxySelector;
            b.followRedirects = followRedirects;
            b.maxRedirects = maxRedirects;
            b.decompress = decompress;
            b.maxDecompressedBytes = maxDecompressedBytes;
            b.credentials = credentials;
            b.credentialsLookup = credentialsLookup;
            b.basicAtOnce = basicAtOnce;
            b.digestOnly = digestOnly;
            b.cookieJar = cookieJar;
            b.retryPolicy = retryPolicy;
            b.interceptors = new ArrayList<>(interceptors);
            b.networkInterceptors = new ArrayList<>(networkInterceptors);
            return b;
        }

        /**
         * Sets connect, read (between bytes, also in bodies) and keep-alive (idle) timeouts.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Sets a deadline for whole calls: connect, request, response and reading the body.
         *
         * @param timeout a positive duration, or null for none (the default)
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("call timeout must be positive, got " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * Sets how long to wait for {@code 100 Continue} before sending the body anyway (default 1 s, like curl).
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder continueTimeout(Duration wait) {
            if (wait.isNegative() || wait.isZero() || wait.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("continue timeout must be positive, got " + wait);
            }
            this.continueTimeout = wait;
            return this;
        }

        /**
         * Sets the TLS settings for https (default: JDK CA store, host names verified).
         *
         * @param tls the TLS settings
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Binds outgoing connections to a local address.
         *
         * @param address the local address, or null for any
         * @return this builder
         */
        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        /**
         * Sends every connection to a Unix-domain socket (curl's {@code --unix-socket}), e.g.
         * {@code /run/docker.sock}. The URL's host and port only fill the {@code Host} header,
         * name TLS's server, and key the connection pool; nothing is resolved. {@code https}
         * URLs run TLS over the socket. Proxies are ignored (as by curl): the socket wins.
         *
         * @param path the socket file, or null for TCP (the default)
         * @return this builder
         * @throws IllegalArgumentException if the path is empty
         */
        public Builder unixSocket(Path path) {
            if (path != null && path.toString().isEmpty()) {
                throw new IllegalArgumentException("unixSocket needs a path, got an empty one");
            }
            this.unixSocket = path;
            return this;
        }

        /**
         * Replaces the name resolver.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Sets how long a pooled connection may stay idle before it is probed for a close by the
         * server when it is reused (Apache HttpClient's {@code validateAfterInactivity}; default
         * 2 s). The probe waits up to 1 ms for an end of stream. A request that cannot be sent
         * again (not idempotent, or a body that cannot be replayed) is probed after
         * {@code min(idle, 100 ms)}: back-to-back calls such as XML-RPC's POSTs do not pay the
         * millisecond, and a server that closes a connection within 100 ms of its last response
         * without saying {@code Connection: close} is the only case the probe cannot cover. An
         * idempotent request that fails on a dead pooled connection is sent again on a new one.
         *
         * @param idle zero to probe before every reuse, or a positive duration
         * @return this builder
         */
        public Builder validateAfterInactivity(Duration idle) {
            if (idle.isNegative()) {
                throw new IllegalArgumentException("validateAfterInactivity must be 0 or more, got " + idle);
            }
            this.validateAfterInactivity = idle;
            return this;
        }

        /**
         * Sets how many idle keep-alive connections are kept per host (default 5; 0 disables reuse).
         *
         * @param max 0 or more
         * @return this builder
         */
        public Builder maxIdlePerHost(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxIdlePerHost must be 0 or more, got " + max);
            }
            this.maxIdlePerHost = max;
            return this;
        }

        /**
         * Sets the limits on response header blocks (default {@link HeaderRules#HTTP}: 64 KiB, 200 fields)
         * and the longest header line.
         *
         * @param rules header limits (must be strict)
         * @param maxLineLength the longest status or header line in bytes
         * @return this builder
         */
        public Builder headerLimits(HeaderRules rules, int maxLineLength) {
            if (rules.strictness() != HeaderRules.Strictness.STRICT) {
                throw new IllegalArgumentException("HTTP headers must be read with strict rules");
            }
            if (maxLineLength < 64) {
                throw new IllegalArgumentException("maxLineLength must be at least 64, got " + maxLineLength);
            }
            this.headerRules = rules;
            this.maxLineLength = maxLineLength;
            return this;
        }

        /**
         * Sets the {@code User-Agent} sent when a request has none.
         *
         * @param userAgent the value, or null to send none
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            if (userAgent != null) {
                HttpSyntax.checkValue("User-Agent", userAgent);
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Records request and response heads (credentials and cookies masked, bodies summarised).
         *
         * @param transcript the sink
         * @return this builder
         */
        public Builder transcript(Transcript transcript) {
            this.transcript = Objects.requireNonNull(transcript, "transcript");
            return this;
        }

        /**
         * Receives interim responses (100, 103, ...) that precede final ones.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder informationalListener(InformationalListener listener) {
            this.informationalListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Hears the steps of every exchange: connection set-up, request sent, response started
         * (default: none). For timings, logs and metrics.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder callListener(CallListener listener) {
            this.callListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Chooses proxies (default: none). See {@link ProxyEnvironment} for {@code http_proxy} and friends.
         *
         * @param selector the selector
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxySelector = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /**
         * Turns redirect following on or off (default on).
         *
         * @param follow true to follow
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Sets the most redirects followed per call (default 50, like curl).
         *
         * @param max 0 or more
         * @return this builder
         */
        public Builder maxRedirects(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRedirects must be 0 or more, got " + max);
            }
            this.maxRedirects = max;
            return this;
        }

        /**
         * Turns transparent gzip/deflate decompression on or off (default on) and bounds the
         * decompressed size.
         *
         * @param decompress true to ask for and decode gzip and deflate
         * @param maxBytes the most decompressed bytes per body
         * @return this builder
         */
        public Builder decompression(boolean decompress, long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
            }
            this.decompress = decompress;
            this.maxDecompressedBytes = maxBytes;
            return this;
        }

        /**
         * Sets credentials answered to Basic and Digest challenges (401). Credentials in a
         * request URI ({@code user:pass@}) take precedence.
         *
         * @param credentials the credentials, or null
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Answers only Digest challenges (default: false, Digest preferred and Basic answered when
         * it is all the server offers). With true, a server that asks only for Basic gets its 401
         * back and never the password in clear, which is what a user asking for Digest expects
         * (curl's {@code --digest}). Basic sent at once by a {@link #credentialsLookup} is not
         * affected.
         *
         * @param digestOnly true to never answer a Basic challenge
         * @return this builder
         */
        public Builder digestOnly(boolean digestOnly) {
            this.digestOnly = digestOnly;
            return this;
        }

        /**
         * Sets a lookup of credentials per request, for any origin, also after a redirect to
         * another one (like a netrc file: each host gets its own entry). It is asked with the
         * request URI of each request whose URI has no password (the URI may hold a user name, to
         * look up that user) and returns the credentials for that URI's host, or null. Null falls
         * back to the URI's user name and to {@link #credentials}, which still serve only the first
         * request's origin. It must never return one host's credentials for another: the client
         * cannot tell. A request that already has an {@code Authorization} header is left alone.
         *
         * @param lookup the lookup, or null for none
         * @param basicAtOnce true to send what the lookup finds as Basic with the request, as curl
         *     does with netrc credentials (a 401 is then returned as it is); false to answer Basic
         *     and Digest challenges (401) with it
         * @return this builder
         */
        public Builder credentialsLookup(Function<URI, Credentials> lookup, boolean basicAtOnce) {
            this.credentialsLookup = lookup;
            this.basicAtOnce = basicAtOnce;
            return this;
        }

        /**
         * Stores and sends cookies (default: none).
         *
         * @param jar the jar, e.g. {@link CookieJar#inMemory()}, or null
         * @return this builder
         */
        public Builder cookieJar(CookieJar jar) {
            this.cookieJar = jar;
            return this;
        }

        /**
         * Retries idempotent requests after connection failures and 408/429/502/503/504 (default off).
         *
         * @param policy the policy, or null for no retries
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /**
         * Adds an interceptor that runs before the built-in links (sees each call once).
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder interceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Adds an interceptor just before the network exchange (sees every redirect and retry).
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder networkInterceptor(Interceptor interceptor) {
            networkInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** @return the client */
        public HttpClient build() {
            return new HttpClient(this);
        }
    }
}
