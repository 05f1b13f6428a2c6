package io.inetkit.server;

/**
 * How a server runs its handlers.
 *
 * <ul>
 *   <li>{@link #virtualThreads()} (the default): a new virtual thread per connection or datagram;
 *       cheap enough for tens of thousands of idle connections.</li>
 *   <li>{@link #platformPool(int)}: a fixed pool of daemon platform threads; connections beyond
 *       the pool size wait in a queue (bounded by {@link ServerConfig#maxConnections()}).</li>
 *   <li>{@link #serial()}: one connection at a time, like Python's plain {@code TCPServer};
 *       further connections wait in the listen backlog (or are refused, following the
 *       {@link OverloadPolicy}).</li>
 * </ul>
 */
public sealed interface Concurrency {

    /** A virtual thread per connection. */
    record VirtualThreads() implements Concurrency {
    }

    /**
     * A fixed pool of daemon platform threads.
     *
     * @param threads the number of threads, at least 1
     */
    record PlatformPool(int threads) implements Concurrency {

        /**
         * Checks the pool size.
         *
         * @param threads the number of threads, at least 1
         */
        public PlatformPool {
            if (threads < 1) {
                throw new IllegalArgumentException("platform pool needs at least 1 thread, got " + threads);
            }
        }
    }

    /** One connection at a time. */
    record Serial() implements Concurrency {
    }

    /** {@return a virtual thread per connection (the default)} */
    static Concurrency virtualThreads() {
        return new VirtualThreads();
    }

    /**
     * A fixed pool of daemon platform threads.
     *
     * @param threads the number of threads, at least 1
     * @return the policy
     */
    static Concurrency platformPool(int threads) {
        return new PlatformPool(threads);
    }

    /** {@return one connection at a time} */
    static Concurrency serial() {
        return new Serial();
    }
}
