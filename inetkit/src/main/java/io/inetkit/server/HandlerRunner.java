package io.inetkit.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts handler tasks as the {@link Concurrency} mode says. */
sealed interface HandlerRunner {

    /**
     * Runs a task in another thread.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException when it cannot be started
     */
    void execute(Runnable task);

    /** Lets queued tasks run but accepts no more; never waits. */
    void shutdown();

    /**
     * The runner for a mode. Serial mode runs each connection in a virtual thread too; the
     * server limits it to one connection at a time.
     *
     * @param concurrency the mode
     * @param name the server's name, for thread names
     * @return the runner
     */
    static HandlerRunner of(Concurrency concurrency, String name) {
        return switch (concurrency) {
            case Concurrency.VirtualThreads v -> new Virtual();
            case Concurrency.Serial s -> new Virtual();
            case Concurrency.PlatformPool p -> new Pool(p.threads(), name);
        };
    }

    /** A new virtual thread per task (unnamed: names cost an allocation per connection). */
    record Virtual() implements HandlerRunner {
        private static final ThreadFactory FACTORY = Thread.ofVirtual().factory(); // thread-safe, unlike a builder

        @Override
        public void execute(Runnable task) {
            FACTORY.newThread(task).start();
        }

        @Override
        public void shutdown() {
        }
    }

    /** A fixed pool of daemon platform threads with an unbounded queue (bounded by the server's limit). */
    final class Pool implements HandlerRunner {
        private final ThreadPoolExecutor executor;

        Pool(int threads, String name) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, name + "-pool-" + count.incrementAndGet());
                t.setDaemon(true); // a stuck handler must not keep the JVM alive
                return t;
            };
            executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        }

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public void shutdown() {
            executor.shutdown();
        }
    }
}
