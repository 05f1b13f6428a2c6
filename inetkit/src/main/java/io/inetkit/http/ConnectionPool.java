package io.inetkit.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Idle keep-alive connections per route, most recently used first. Bounded per route; idle
 * connections older than the keep-alive time are closed by a sweep on the client's timer thread
 * (and whenever the pool is used).
 * Thread-safe; sockets are closed outside the lock.
 */
final class ConnectionPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Route, ArrayDeque<HttpConnection>> idle = new HashMap<>();
    private final int maxIdlePerRoute;
    private final long keepAliveNanos;
    private final long probeAfterIdleNanos;
    private final long probeUnretriableAfterIdleNanos;
    private final Scheduler scheduler;
    private long nextSweepNanos = Long.MAX_VALUE;
    private boolean sweepScheduled;
    private boolean closed;

    /** Runs a task later (the client's timer thread). */
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    ConnectionPool(int maxIdlePerRoute, long keepAliveNanos, long probeAfterIdleNanos, Scheduler scheduler) {
        this.maxIdlePerRoute = maxIdlePerRoute;
        this.keepAliveNanos = keepAliveNanos;
        this.probeAfterIdleNanos = probeAfterIdleNanos;
        this.probeUnretriableAfterIdleNanos = Math.min(probeAfterIdleNanos, UNRETRIABLE_PROBE_CAP_NANOS);
        this.scheduler = scheduler;
    }

    /**
     * A request that cannot be retried probes a connection idle at least this long (or the
     * configured age, if shorter). WHY not always: the probe waits 1 ms on a healthy connection,
     * which halved the rate of back-to-back XML-RPC POSTs; a server that closes a connection
     * this soon after answering, without {@code Connection: close}, is rare.
     */
    static final long UNRETRIABLE_PROBE_CAP_NANOS = 100_000_000L;

    /**
     * Takes a healthy idle connection for the route.
     *
     * @param mustProbe true when the request cannot be sent again if the connection turns out
     *     dead (not idempotent, or a body that cannot be replayed): the connection is then
     *     probed for a close by the server after a shorter idle time
     * @return the connection, or null if none
     */
    HttpConnection acquire(Route route, boolean mustProbe) {
        while (true) {
            List<HttpConnection> expired = new ArrayList<>(0);
            HttpConnection candidate = null;
            long now = System.nanoTime();
            lock.lock();
            try {
                sweep(now, expired);
                ArrayDeque<HttpConnection> q = idle.get(route);
                if (q != null) {
                    candidate = q.pollFirst();
                    if (q.isEmpty()) {
                        idle.remove(route);
                    }
                }
            } finally {
                lock.unlock();
            }
            expired.forEach(HttpConnection::close);
            if (candidate == null) {
                return null;
            }
            // the health check does a system call: outside the lock
            long idleFor = now - candidate.idleSinceNanos();
            if (idleFor < keepAliveNanos && candidate.isHealthy(idleFor >= (mustProbe ? probeUnretriableAfterIdleNanos : probeAfterIdleNanos))) {
                return candidate;
            }
            candidate.close();
        }
    }

    /** Returns a connection whose last response was read completely; closes it if the pool is full or closed. */
    void release(HttpConnection c) {
        if (c.isClosed()) {
            return;
        }
        long now = System.nanoTime();
        c.markIdle(now);
        List<HttpConnection> toClose = new ArrayList<>(0);
        boolean scheduleSweep;
        lock.lock();
        try {
            if (closed || maxIdlePerRoute == 0) {
                toClose.add(c);
            } else {
                ArrayDeque<HttpConnection> q = idle.computeIfAbsent(c.route, r -> new ArrayDeque<>());
                q.addFirst(c);
                while (q.size() > maxIdlePerRoute) {
                    toClose.add(q.pollLast());
                }
                nextSweepNanos = Math.min(nextSweepNanos, now + keepAliveNanos);
            }
            sweep(now, toClose);
            scheduleSweep = !closed && !idle.isEmpty() && !sweepScheduled;
            sweepScheduled |= scheduleSweep;
        } finally {
            lock.unlock();
        }
        toClose.forEach(HttpConnection::close);
        if (scheduleSweep) {
            scheduler.schedule(this::backgroundSweep, keepAliveNanos);
        }
    }

    /** Closes expired idle connections even when the client is not used, then plans the next sweep. */
    private void backgroundSweep() {
        List<HttpConnection> toClose = new ArrayList<>();
        long delay = -1;
        long now = System.nanoTime();
        lock.lock();
        try {
            sweepScheduled = false;
            nextSweepNanos = now; // force a full pass
            sweep(now, toClose);
            if (!closed && !idle.isEmpty()) {
                sweepScheduled = true;
                delay = Math.max(1_000_000, nextSweepNanos - now);
            }
        } finally {
            lock.unlock();
        }
        toClose.forEach(HttpConnection::close);
        if (delay > 0) {
            scheduler.schedule(this::backgroundSweep, delay);
        }
    }

    /** Under the lock: moves expired connections to {@code toClose}. */
    private void sweep(long now, List<HttpConnection> toClose) {
        if (now - nextSweepNanos < 0) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Iterator<ArrayDeque<HttpConnection>> it = idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<HttpConnection> q = it.next();
            for (Iterator<HttpConnection> ci = q.iterator(); ci.hasNext(); ) {
                HttpConnection c = ci.next();
                if (now - c.idleSinceNanos() >= keepAliveNanos) {
                    ci.remove();
                    toClose.add(c);
                } else {
                    next = Math.min(next, c.idleSinceNanos() + keepAliveNanos);
                }
            }
            if (q.isEmpty()) {
                it.remove();
            }
        }
        nextSweepNanos = next;
    }

    /** @return the number of idle connections (for tests and monitoring) */
    int idleCount() {
        lock.lock();
        try {
            return idle.values().stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every idle connection; later releases close their connection. */
    void close() {
        List<HttpConnection> all = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        } finally {
            lock.unlock();
        }
        all.forEach(HttpConnection::close);
    }
}
