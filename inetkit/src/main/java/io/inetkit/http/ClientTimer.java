package io.inetkit.http;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's timer for call deadlines and idle-connection sweeps: one daemon thread, made on
 * first use, that parks until the earliest task is due.
 *
 * <p>WHY not a {@code ScheduledThreadPoolExecutor}: its worker class extends
 * {@code AbstractQueuedSynchronizer}. Loaded at the first pooled release, in the middle of a
 * program's transfers, it invalidated the JIT's compiled code of every lock inlined on the
 * read path (sockets, TLS records), and the next 1 GiB HTTPS download ran about 10% slower
 * while it was recompiled. This timer uses only a {@link ReentrantLock} and parking.
 */
final class ClientTimer {
    private static final System.Logger LOG = System.getLogger("io.inetkit.http");

    /** A scheduled task. */
    final class Task implements Comparable<Task> {
        private final long due;
        private final long order;
        private final Runnable action;

        private Task(long due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        /** Keeps the task from running, if it has not started; its slot is freed at once. */
        void cancel() {
            lock.lock();
            try {
                queue.remove(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due - o.due, 0); // nanoTime values: compare differences, not values
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private Thread thread;
    private long scheduled;
    private boolean closed;

    ClientTimer(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Runs {@code action} on the timer thread after {@code delayNanos}.
     *
     * @return the task, to cancel it; null once the timer is closed (nothing runs after close)
     */
    Task schedule(Runnable action, long delayNanos) {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            Task t = new Task(System.nanoTime() + Math.max(0, delayNanos), scheduled++, action);
            queue.add(t);
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
            } else if (queue.peek() == t) {
                LockSupport.unpark(thread); // the new task is due before the one it sleeps for
            }
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Drops every pending task and ends the thread; a task already running finishes. */
    void close() {
        Thread t;
        lock.lock();
        try {
            closed = true;
            queue.clear();
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        while (true) {
            Runnable due = null;
            long wait = 0;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                Task head = queue.peek();
                if (head != null) {
                    wait = head.due - System.nanoTime();
                    if (wait <= 0) {
                        due = queue.poll().action;
                    }
                }
            } finally {
                lock.unlock();
            }
            if (due != null) {
                try {
                    due.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, threadName + ": a timer task failed", e);
                }
            } else if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            } else {
                LockSupport.park(this); // nothing scheduled: until schedule or close unparks
            }
        }
    }
}
