package io.inetkit.socket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until a non-blocking channel is ready in one direction, with a deadline. A socket has
 * one for reading/accepting and one for writing/connecting, so a reader and a writer can wait
 * at the same time. The selector is opened on first use only (it costs file descriptors) and
 * released when the socket turns blocking or closes.
 */
final class Waiter {
    private final ReentrantLock lock = new ReentrantLock(true); // fair: suspend() must not starve
    /** Threads that want the lock to drop the selector; a waiter seeing one does not select. */
    private final AtomicInteger interrupters = new AtomicInteger();
    private volatile Selector selector; // written under lock
    private volatile boolean closed;

    /**
     * Waits until {@code channel} is ready for {@code ops} or the deadline passes.
     *
     * @return false if the deadline passed; true if ready (or woken: the caller retries anyway)
     */
    boolean await(SelectableChannel channel, int ops, Deadline deadline) throws IOException {
        try {
            if (deadline.infinite()) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the socket");
        }
        try {
            if (closed) {
                throw new SocketClosedException("socket is closed");
            }
            if (channel.isBlocking()) {
                return true; // the timeout was removed meanwhile: the caller's retry blocks
            }
            Selector s = selector;
            if (s == null) {
                s = Selector.open();
                selector = s;
            }
            SelectionKey key = channel.keyFor(s);
            if (key == null) {
                channel.register(s, ops);
            } else {
                key.interestOps(ops);
            }
            // Checked after publishing the selector: either suspend() sees it and wakes it
            // (a wakeup before select is kept), or we see suspend() here.
            if (interrupters.get() > 0) {
                return true;
            }
            if (deadline.infinite()) {
                s.select();
            } else {
                long nanos = deadline.remainingNanos();
                if (nanos <= 0) {
                    return false;
                }
                // select(0) means forever: round up to at least 1 ms.
                s.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
            }
            s.selectedKeys().clear();
            return true;
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw new SocketClosedException("socket closed while waiting");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops waits and holds them off until {@link #resume()}, so the channel can turn blocking
     * without a waiter registering it again in between.
     */
    void suspend() throws IOException {
        interrupters.incrementAndGet();
        try {
            Selector s = selector;
            if (s != null) {
                s.wakeup();
            }
            lock.lock();
        } finally {
            interrupters.decrementAndGet();
        }
        try {
            Selector old = selector;
            selector = null;
            if (old != null) {
                old.close();
            }
        } catch (IOException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Ends {@link #suspend()}. */
    void resume() {
        lock.unlock();
    }

    /** Closes the selector so the channel can turn blocking again; a later wait reopens it. */
    void release() throws IOException {
        suspend();
        resume();
    }

    /** Wakes any waiter and closes the selector for good. */
    void close() throws IOException {
        closed = true;
        release();
    }
}
