package io.inetkit.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes connections whose deadline passed: idle reads and writes, and TLS handshakes
 * (bounded in total, not per read). One virtual thread per server scans the connections in
 * flight a few times per timeout; a connection pays two volatile writes per read or write
 * and no timer object.
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
     * Starts the watchdog of a stream server, ticking at a quarter of its shortest timeout
     * (between 10 ms and 0.5 s). Always started: a handler may set an idle timeout later.
     *
     * @param core the server
     * @return the running watchdog
     */
    static Watchdog start(ServerCore core) {
        Duration shortest = Duration.ofSeconds(2);
        if (!core.config.idleTimeout().isZero() && core.config.idleTimeout().compareTo(shortest) < 0) {
            shortest = core.config.idleTimeout();
        }
        if (core.config.tls() != null && core.config.tls().handshakeTimeout().compareTo(shortest) < 0) {
            shortest = core.config.tls().handshakeTimeout();
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
        while (!stopped && core.state() != ServerState.TERMINATED) { // the state check covers a start racing a shutdown
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
