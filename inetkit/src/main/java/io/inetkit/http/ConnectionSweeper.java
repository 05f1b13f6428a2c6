package io.inetkit.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the connections of one {@link HttpServer} from one virtual thread: ends keep-alive
 * connections idle for too long and heads that take too long in total (slowloris), and closes
 * idle connections at shutdown. A connection pays a few volatile writes per request, no timer.
 */
final class ConnectionSweeper implements Runnable {
    private final Set<ServerExchange> live = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private volatile boolean stopped;
    private Thread thread;

    ConnectionSweeper(HttpServerLimits limits) {
        Duration shortest = limits.headTimeout().compareTo(limits.keepAliveTimeout()) < 0 ? limits.headTimeout() : limits.keepAliveTimeout();
        this.tickNanos = Math.clamp(shortest.toNanos() / 8, Duration.ofMillis(10).toNanos(), Duration.ofMillis(250).toNanos());
    }

    void start(String name) {
        thread = Thread.ofVirtual().name(name + "-sweeper").start(this);
    }

    void add(ServerExchange e) {
        live.add(e);
    }

    void remove(ServerExchange e) {
        live.remove(e);
    }

    /** Closes every connection that waits for its next request. */
    void closeIdle() {
        for (ServerExchange e : live) {
            e.closeIfIdle();
        }
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, tickNanos);
            long now = System.nanoTime();
            for (ServerExchange e : live) {
                e.expireIfOverdue(now);
            }
        }
    }
}
