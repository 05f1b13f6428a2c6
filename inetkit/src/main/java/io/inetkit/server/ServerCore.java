package io.inetkit.server;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What TCP, Unix and UDP servers share: the connection limit, the set of connections in
 * flight, the counters, the life cycle and the shutdown sequence.
 */
final class ServerCore {
    static final System.Logger LOG = System.getLogger("io.inetkit.server");

    /** How long shutdown waits, after force-closing, for handler threads to end. */
    static final Duration FORCE_BOUND = Duration.ofSeconds(2);

    final ServerConfig config;
    final HandlerRunner runner;
    /** Slots of the connection limit; a task holding one releases it in {@link #finished}. */
    final Semaphore permits;
    final int limit;
    final boolean overloadWaits;
    final Set<Tracked> live = ConcurrentHashMap.newKeySet();
    /**
     * Connections served by event loops: counted here, not put in {@link #live} one by one (each
     * loop keeps its own list, and a set entry per idle connection would cost memory).
     */
    private final AtomicInteger onLoops = new AtomicInteger();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder active = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicReference<ServerState> state = new AtomicReference<>(ServerState.CREATED);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Set once shutdown waits: only then do finishing tasks signal (keeps the fast path lock-free). */
    private volatile boolean draining;
    /** Set once shutdown force-closes: tasks that start afterwards close at once. */
    private volatile boolean forced;

    ServerCore(ServerConfig config) {
        this.config = config;
        this.runner = HandlerRunner.of(config.concurrency(), config.name());
        this.limit = config.concurrency() instanceof Concurrency.Serial ? 1 : config.maxConnections();
        this.permits = new Semaphore(limit);
        this.overloadWaits = config.overloadPolicy() instanceof OverloadPolicy.Wait;
    }

    ServerState state() {
        return state.get();
    }

    boolean running() {
        return state.get() == ServerState.RUNNING;
    }

    boolean forced() {
        return forced;
    }

    /** Moves CREATED to RUNNING, or explains why the server cannot start. */
    void markStarted() {
        if (!state.compareAndSet(ServerState.CREATED, ServerState.RUNNING)) {
            throw new IllegalStateException(config.name() + " cannot start: it is " + state.get());
        }
    }

    void countAccepted() {
        accepted.increment();
    }

    void countRejected() {
        rejected.increment();
    }

    /**
     * Registers a task before it is started.
     *
     * @param task the task
     * @param served true for a real handler (counted as active), false for a busy handler
     */
    void track(Tracked task, boolean served) {
        if (served) {
            active.increment();
        }
        live.add(task);
    }

    /**
     * Records the end of a task (also of one that never started) and frees its slot.
     *
     * @param task the task
     * @param served true for a real handler, false for a busy handler
     * @param holdsPermit whether the task holds a slot of the limit
     * @param failure what the handler threw, or null
     */
    void finished(Tracked task, boolean served, boolean holdsPermit, Throwable failure) {
        try {
            count(served, failure);
        } finally {
            live.remove(task);
            released(holdsPermit);
        }
    }

    /** Counts a connection an event loop is about to serve (it holds a slot of the limit). */
    void openedOnLoop() {
        active.increment();
        onLoops.incrementAndGet();
    }

    /**
     * Records the end of a connection counted by {@link #openedOnLoop} and frees its slot.
     *
     * @param failure why it ended abnormally, or null
     */
    void endedOnLoop(Throwable failure) {
        try {
            count(true, failure);
        } finally {
            onLoops.decrementAndGet();
            released(true);
        }
    }

    private void count(boolean served, Throwable failure) {
        if (served) {
            active.decrement();
            if (failure == null) {
                completed.increment();
            } else {
                failed.increment();
            }
        }
        if (failure != null) {
            logFailure(failure);
        }
    }

    private void released(boolean holdsPermit) {
        if (holdsPermit) {
            permits.release();
        }
        if (draining) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void logFailure(Throwable failure) {
        // I/O trouble is usually the peer's doing (reset, timeout): not worth a warning per connection.
        if (failure instanceof java.io.IOException || forced) {
            LOG.log(Level.DEBUG, () -> config.name() + ": connection failed: " + failure);
        } else {
            LOG.log(Level.WARNING, config.name() + ": handler failed", failure);
        }
    }

    Counters counters() {
        // Read against the order of a connection's life (accepted, active, ended) so a snapshot never shows a
        // connection as ended and still active: whoever sees the end also sees the decrement that preceded it.
        long ended = completed.sum();
        long broken = failed.sum();
        long refused = rejected.sum();
        long serving = active.sum();
        return new Counters(accepted.sum(), serving, ended, broken, refused);
    }

    /**
     * The shutdown sequence: stop intake at once (first caller only), wait for tasks in flight
     * until the grace period ends, force-close the rest, wait a bounded time for their threads.
     * Never waits for the calling thread itself.
     *
     * @param grace how long tasks in flight may go on
     * @param stopIntake closes the listener (or stops receiving)
     * @param loop the accept or receive thread, or null
     * @return true when every handler thread and the loop ended
     */
    boolean shutdown(Duration grace, Runnable stopIntake, Thread loop) {
        return shutdown(grace, stopIntake, () -> { }, loop);
    }

    /**
     * The shutdown sequence, with a way to force-close the connections of event loops too.
     *
     * @param grace how long tasks in flight may go on
     * @param stopIntake closes the listener (or stops receiving)
     * @param forceLoops asks the event loops to close their connections at once; must not wait
     * @param loop the accept or receive thread, or null
     * @return true when every handler thread and the loop ended
     */
    boolean shutdown(Duration grace, Runnable stopIntake, Runnable forceLoops, Thread loop) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        long deadline = System.nanoTime() + saturatedNanos(grace);
        if (beginStopping()) {
            permits.release(limit + 1); // wakes a loop waiting for a slot; it then sees the state
            try {
                stopIntake.run();
            } finally {
                runner.shutdown();
            }
        }
        boolean idle = awaitIdle(deadline);
        if (!idle) {
            forced = true;
            forceLoops.run();
            Thread self = Thread.currentThread();
            for (Tracked t : live) {
                if (t.thread() != self) {
                    t.forceClose();
                }
            }
            idle = awaitIdle(System.nanoTime() + FORCE_BOUND.toNanos());
        }
        boolean loopEnded = join(loop);
        state.set(ServerState.TERMINATED);
        return idle && loopEnded;
    }

    private boolean beginStopping() {
        while (true) {
            ServerState s = state.get();
            if (s == ServerState.STOPPING || s == ServerState.TERMINATED) {
                return false;
            }
            if (state.compareAndSet(s, ServerState.STOPPING)) {
                return true;
            }
        }
    }

    private boolean join(Thread loop) {
        if (loop == null || loop == Thread.currentThread()) {
            return true;
        }
        try {
            return loop.join(FORCE_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !loop.isAlive();
        }
    }

    /** Waits until no task but the caller's own is in flight, or the deadline passes. */
    private boolean awaitIdle(long deadline) {
        Thread self = Thread.currentThread();
        lock.lock();
        try {
            draining = true;
            while (!idleExcept(self)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return idleExcept(self);
        } finally {
            lock.unlock();
        }
    }

    private boolean idleExcept(Thread self) {
        if (onLoops.get() > 0) {
            return false;
        }
        int n = live.size();
        if (n == 0) {
            return true;
        }
        if (n > 1) {
            return false;
        }
        for (Tracked t : live) {
            if (t.thread() != self) {
                return false;
            }
        }
        return true;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
