package io.inetkit.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * curl's {@code --limit-rate}: keeps one direction of a transfer at or under a number of bytes
 * per second, averaged from its start, by sleeping (never spinning) when it runs ahead. Moving
 * data in pieces of about a tenth of a second's worth keeps each sleep short and the pace even.
 * Used by one thread.
 */
final class Throttle {
    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long bytes;

    /** @param bytesPerSecond the limit, 1 or more */
    Throttle(long bytesPerSecond) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 byte per second, got " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** @return how many bytes to move next, at most {@code max} */
    int piece(int max) {
        return (int) Math.max(1, Math.min(max, bytesPerSecond / 10));
    }

    /**
     * Counts {@code n} bytes moved and sleeps until the average is back at the limit.
     *
     * @throws InterruptedIOException if interrupted while waiting
     */
    void moved(long n) throws InterruptedIOException {
        bytes += n;
        long dueNanos = startNanos + (long) (bytes * 1e9 / bytesPerSecond);
        long wait = dueNanos - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stop = new InterruptedIOException("interrupted");
            stop.initCause(e);
            throw stop;
        }
    }

    /** @return {@code out} with everything written to it paced by a new throttle at {@code bytesPerSecond} */
    static OutputStream paced(OutputStream out, long bytesPerSecond) {
        Throttle throttle = new Throttle(bytesPerSecond);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                throttle.moved(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = throttle.piece(len);
                    out.write(b, off, n);
                    off += n;
                    len -= n;
                    out.flush(); // the pause must come after the bytes left, not before
                    throttle.moved(n);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }
}
