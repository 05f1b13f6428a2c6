package io.inetkit.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits an {@link HttpServer} enforces on its peers. Start from {@link #DEFAULTS} and
 * change single values with the {@code with} methods.
 *
 * @param maxRequestLine the longest request line in bytes; longer ones get 414
 * @param maxHeaderBytes the largest header block in bytes; larger ones get 431
 * @param maxHeaderCount the most header fields; more get 431
 * @param maxBodySize the default largest request body a handler receives (a route may set its
 *     own); larger ones get 413
 * @param maxDrain the most bytes of a request body the handler left unread that the server
 *     reads and discards to keep the connection; with more it closes the connection instead
 * @param headTimeout how long the whole request head (line and headers) may take to arrive,
 *     against slow senders (slowloris); then 408 and close
 * @param keepAliveTimeout how long an idle keep-alive connection waits for its next request
 * @param idleTimeout the longest a single read of the body or write of the response may block
 * @param maxConnections the most connections served at once
 */
public record HttpServerLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, long maxBodySize,
        long maxDrain, Duration headTimeout, Duration keepAliveTimeout, Duration idleTimeout, int maxConnections) {

    /** 8 KiB request line, 16 KiB and 100 header fields, 10 MiB bodies, 10 s head, 30 s keep-alive. */
    public static final HttpServerLimits DEFAULTS = new HttpServerLimits(8192, 16 * 1024, 100, 10L << 20, 64 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 10_000);

    /** Validates every limit. */
    public HttpServerLimits {
        positive("maxRequestLine", maxRequestLine);
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxConnections", maxConnections);
        if (maxBodySize < 0 || maxDrain < 0) {
            throw new IllegalArgumentException("maxBodySize and maxDrain must not be negative: " + maxBodySize + ", " + maxDrain);
        }
        positive("headTimeout", headTimeout);
        positive("keepAliveTimeout", keepAliveTimeout);
        positive("idleTimeout", idleTimeout);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + d);
        }
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that request line limit
     */
    public HttpServerLimits withMaxRequestLine(int v) {
        return new HttpServerLimits(v, maxHeaderBytes, maxHeaderCount, maxBodySize, maxDrain, headTimeout, keepAliveTimeout, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param bytes the block size
     * @param count the field count
     * @return a copy with those header limits
     */
    public HttpServerLimits withHeaderLimits(int bytes, int count) {
        return new HttpServerLimits(maxRequestLine, bytes, count, maxBodySize, maxDrain, headTimeout, keepAliveTimeout, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that default body limit
     */
    public HttpServerLimits withMaxBodySize(long v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, v, maxDrain, headTimeout, keepAliveTimeout, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that drain limit
     */
    public HttpServerLimits withMaxDrain(long v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, v, headTimeout, keepAliveTimeout, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that head deadline
     */
    public HttpServerLimits withHeadTimeout(Duration v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, maxDrain, v, keepAliveTimeout, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that keep-alive timeout
     */
    public HttpServerLimits withKeepAliveTimeout(Duration v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, maxDrain, headTimeout, v, idleTimeout, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that idle timeout
     */
    public HttpServerLimits withIdleTimeout(Duration v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, maxDrain, headTimeout, keepAliveTimeout, v, maxConnections);
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param v the new value
     * @return a copy with that connection limit
     */
    public HttpServerLimits withMaxConnections(int v) {
        return new HttpServerLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodySize, maxDrain, headTimeout, keepAliveTimeout, idleTimeout, v);
    }
}
