package io.inetkit.socket;

import java.time.Duration;

/**
 * When a timed operation must give up, from the socket's timeout at the start of the call.
 *
 * @param timeout the timeout; null waits forever; zero never waits
 * @param atNanos the {@link System#nanoTime()} to give up at (unused when infinite)
 */
record Deadline(Duration timeout, long atNanos) {

    /** Starts the clock for one operation. */
    static Deadline start(Duration timeout) {
        if (timeout == null || timeout.isZero()) {
            return new Deadline(timeout, 0);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return new Deadline(null, 0); // centuries: the same as no timeout
        }
        long now = System.nanoTime();
        // Saturate instead of overflowing for very long timeouts.
        long at = now + nanos < now ? Long.MAX_VALUE : now + nanos;
        return new Deadline(timeout, at);
    }

    boolean infinite() {
        return timeout == null;
    }

    boolean nonBlocking() {
        return timeout != null && timeout.isZero();
    }

    /** Nanoseconds left, never negative; meaningless when infinite. */
    long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    /** The timeout for messages, like {@code 200 ms}. */
    String describe() {
        if (timeout == null) {
            return "no timeout";
        }
        long millis = timeout.toMillis();
        return millis > 0 ? millis + " ms" : timeout.toNanos() / 1000 + " µs";
    }
}
