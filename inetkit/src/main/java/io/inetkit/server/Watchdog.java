package io.inetkit.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes connections whose deadline passed: reads on Unix-domain channels (which have no
 * SO_TIMEOUT) and TLS handshakes (bounded in total, not per read). One virtual thread per
 * server scans the connections in flight a few times per timeout; a connection pays only a
 * volatile write per read, no timer object.
 */
final class Watchdog implements Runnable {
    private final ServerCore core;
    private final long tickNanos;
    private volatile boolean stopped;
    private Thread thread;

    private Watchdog(ServerCore core, Duration shortestTimeout) {
        this.core = core;
        long quarter = ServerCore.saturatedNanos(shortestTimeout) / 4;
        this.tickNanos = Math.clamp(quarter, Duration.ofMillis(10).toNanos(), Duration.ofMillis(500).toNanos());
    }

    /**
     * Starts a watchdog when the server needs one.
     *
     * @param core the server
     * @param unix whether the server listens on a Unix-domain socket
     * @return the running watchdog, or null when none is needed
     */
    static Watchdog startIfNeeded(ServerCore core, boolean unix) {
        Duration shortest = null;
        if (unix && !core.config.idleTimeout().isZero()) {
            shortest = core.config.idleTimeout();
        }
        if (core.config.tls() != null) {
            Duration hs = core.config.tls().handshakeTimeout();
            shortest = shortest == null || hs.compareTo(shortest) < 0 ? hs : shortest;
        }
        if (shortest == null) {
            return null;
        }
        Watchdog w = new Watchdog(core, shortest);
        w.thread = Thread.ofVirtual().name(core.config.name() + "-watchdog").start(w);
        return w;
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, tickNanos);
            long now = System.nanoTime();
            for (Tracked t : core.live) {
                if (t instanceof ConnectionTask c) {
                    c.expireIfOverdue(now);
                }
            }
        }
    }
}
