package io.inetkit.http;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.ProtocolException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * The last link of the chain: takes a pooled connection (or opens one), runs the exchange, and
 * retries once on a fresh connection when a reused one turns out to be stale, but only for
 * idempotent requests whose body can be sent again.
 */
final class NetworkLink implements Interceptor {

    private static final System.Logger LOG = System.getLogger("io.inetkit.http");

    private final HttpClient client;

    NetworkLink(HttpClient client) {
        this.client = client;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        HttpCall call = chain.call();
        Route route = Route.of(request, client.proxySelector().select(request.uri()));
        for (int attempt = 0; ; attempt++) {
            HttpConnection conn = client.pool().acquire(route, !retryable(request));
            boolean reused = conn != null;
            CallListener listener = client.callListener();
            if (conn == null) {
                conn = client.connector().connect(route, request, listener);
            }
            if (listener != CallListener.NONE) {
                listener.connectionAcquired(request, conn.remoteAddress(), conn.localAddress(), reused);
            }
            call.attach(conn);
            Http1Exchange exchange = new Http1Exchange(client, conn, request, call);
            try {
                return exchange.run();
            } catch (IOException | RuntimeException e) {
                conn.close();
                call.detach(conn);
                if (e instanceof IOException io && reused && attempt == 0 && canRetry(request, exchange, io, call)) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " on a new connection: " + io);
                    continue;
                }
                throw e;
            }
        }
    }

    /** A reused connection that failed before any response: the server probably closed it while idle. */
    private static boolean canRetry(HttpRequest request, Http1Exchange exchange, IOException e, HttpCall call) {
        if (exchange.responseStarted() || call.isCanceledOrTimedOut() || e instanceof SocketTimeoutException) {
            return false;
        }
        if (e instanceof ProtocolException && !(e instanceof ConnectionClosedException)) {
            return false;
        }
        return retryable(request);
    }

    /** Whether the request may be sent again after a failure on a stale connection. */
    private static boolean retryable(HttpRequest request) {
        return request.method().isIdempotent() && (request.body() == null || request.body().isReplayable());
    }
}
