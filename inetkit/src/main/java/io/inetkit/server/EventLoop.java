package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One event-loop thread of an {@link EventServer}: a JDK {@link Selector}, one read buffer and
 * one output buffer shared by its connections, a queue of tasks handed in by other threads,
 * and a coarse timer that closes idle connections.
 *
 * <p>WHY the shape: the selector's {@code select(Consumer)} dispatches ready keys without the
 * selected-key set; the clock is read once per wake-up, not per event; idle timeouts are a scan
 * of the loop's own connections every tick (a quarter of the timeout, between 10 ms and 1 s),
 * not a timer object per connection.
 */
final class EventLoop implements Runnable {
    /** The size of the shared read buffer: a read this long (not shorter) is followed by another. */
    static final int READ_BUFFER_BYTES = 64 * 1024;
    /** The size of the shared output buffer ({@link EventConnection#outputBuffer()}). */
    static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    /** Full reads of one connection per wake-up, so that a flooding peer cannot starve the others. */
    static final int READS_PER_WAKEUP = 16;

    final EventServer server;
    final Selector selector;
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    final ByteBuffer outputBuffer = ByteBuffer.allocateDirect(OUTPUT_BUFFER_BYTES);
    /** The loop's clock (System.nanoTime), refreshed once per wake-up. */
    long now = System.nanoTime();

    private final String name;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Runnable> later = new ArrayDeque<>();
    /** False while the loop may block in select: only then does a task from outside need a wake-up. */
    private final AtomicBoolean awake = new AtomicBoolean(true);
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private final long idleNanos;
    private final long tickNanos;
    private final CountDownLatch ended = new CountDownLatch(1);
    private EventAcceptor acceptor;
    private EventConnection head;
    /** Runs once right after the next select (which starts after it was set). */
    private Runnable afterSelect;
    private boolean clockStale;
    private long nextTick;
    private volatile Thread thread;
    private volatile boolean stopRequested;

    EventLoop(EventServer server, String name) throws IOException {
        this.server = server;
        this.name = name;
        this.selector = Selector.open();
        Duration idle = server.core.config.idleTimeout();
        this.idleNanos = ServerCore.saturatedNanos(idle);
        long quarter = idle.isZero() ? Long.MAX_VALUE : idleNanos / 4;
        this.tickNanos = Math.clamp(quarter, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
    }

    String name() {
        return name;
    }

    /** Makes this loop accept connections too (loop 0). Before the loop runs. */
    void acceptWith(EventAcceptor a) {
        this.acceptor = a;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs a task on the loop: after the current callback when called on the loop, else queued
     * and the selector woken if it may be asleep. Dropped once the loop has ended.
     */
    void execute(Runnable task) {
        if (inLoop()) {
            later.addLast(task);
            return;
        }
        inbox.offer(task);
        if (!awake.getAndSet(true)) {
            selector.wakeup();
        }
    }

    /**
     * Runs a task right after the next select, which does not block. The JDK closes the socket
     * of a registered channel only when a select drops its key: this says when that happened.
     * Loop thread only.
     */
    void afterNextSelect(Runnable task) {
        afterSelect = task;
    }

    /** {@return whether the loop has ended (or never will run tasks again)} */
    boolean ended() {
        return ended.getCount() == 0;
    }

    /** Runs a task after the current callback. Loop thread only. */
    void later(Runnable task) {
        later.addLast(task);
    }

    void link(EventConnection c) {
        c.next = head;
        if (head != null) {
            head.prev = c;
        }
        head = c;
    }

    void unlink(EventConnection c) {
        if (c.prev != null) {
            c.prev.next = c.next;
        } else if (head == c) {
            head = c.next;
        }
        if (c.next != null) {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
    }

    /** Asks the loop to end; it closes what is left (and counts it failed) on its way out. */
    void stop() {
        stopRequested = true;
        selector.wakeup();
    }

    /** Waits for the loop's end, at most {@code nanos}; true when it ended. */
    boolean awaitEnd(long nanos) {
        try {
            return ended.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended.getCount() == 0;
        }
    }

    /** Force-closes every connection of this loop (grace period over). Runs on the loop. */
    void abortAll() {
        closeAll(new SocketException("server shut down: the grace period is over"));
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        nextTick = System.nanoTime() + tickNanos;
        try {
            while (!stopRequested) {
                runTasks();
                awake.set(false);
                clockStale = true;
                if (!inbox.isEmpty() || !later.isEmpty() || afterSelect != null) {
                    awake.set(true);
                    selector.selectNow(dispatch);
                } else {
                    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - now));
                    selector.select(dispatch, waitMillis);
                    awake.set(true);
                }
                if (clockStale) {
                    now = System.nanoTime();
                }
                if (afterSelect != null) {
                    Runnable r = afterSelect;
                    afterSelect = null;
                    runGuarded(r);
                }
                runTasks();
                if (now - nextTick >= 0) {
                    tick();
                }
            }
        } catch (Throwable t) {
            ServerCore.LOG.log(Level.ERROR, name + ": event loop failed; closing its connections", t);
        } finally {
            try {
                runTasks(); // registrations handed in late see the forced state and close
            } catch (Throwable t) {
                ServerCore.LOG.log(Level.DEBUG, () -> name + ": task failed while stopping: " + t);
            }
            closeAll(new SocketException("server shut down"));
            try {
                selector.close();
            } catch (IOException e) {
                ServerCore.LOG.log(Level.DEBUG, () -> name + ": closing the selector failed: " + e);
            }
            ended.countDown();
        }
    }

    private void dispatch(SelectionKey key) {
        if (clockStale) {
            now = System.nanoTime();
            clockStale = false;
        }
        Object a = key.attachment();
        try {
            if (a instanceof EventConnection c) {
                if (c.isOpen()) {
                    c.ready(key.readyOps());
                }
            } else if (a instanceof EventAcceptor acc) {
                acc.acceptReady();
            }
        } catch (RuntimeException e) {
            // not expected (callbacks are guarded); keep the loop alive for the other connections
            ServerCore.LOG.log(Level.WARNING, name + ": dispatch failed", e);
            if (a instanceof EventConnection c) {
                c.finish(e);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = inbox.poll()) != null) {
            runGuarded(task);
        }
        while ((task = later.pollFirst()) != null) {
            runGuarded(task);
        }
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            ServerCore.LOG.log(Level.WARNING, name + ": task failed", e);
        }
    }

    private void tick() {
        nextTick = now + tickNanos;
        if (idleNanos > 0) {
            EventConnection c = head;
            while (c != null) {
                EventConnection following = c.next;
                if (now - c.lastActivity > idleNanos) {
                    c.finish(new SocketTimeoutException("no data for " + server.core.config.idleTimeout()
                            + " (idle timeout); closed"));
                }
                c = following;
            }
        }
        if (acceptor != null) {
            acceptor.tick();
        }
    }

    private void closeAll(Throwable why) {
        while (head != null) {
            head.finish(why);
        }
    }
}
