package io.inetkit.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The three timeouts every connection has. All are finite and positive.
 *
 * @param connect how long to wait for a TCP connection (per address tried)
 * @param read how long a blocking read may wait for the peer
 * @param idle how long an unused connection may stay open (for pools and servers)
 */
public record Timeouts(Duration connect, Duration read, Duration idle) {

    /** Defaults: connect 10 s, read 60 s, idle 5 min. */
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5));

    /**
     * Validates the timeouts.
     *
     * @throws IllegalArgumentException if any timeout is zero, negative or longer than
     *     {@link Integer#MAX_VALUE} milliseconds (sockets take an int)
     */
    public Timeouts {
        check("connect", connect);
        check("read", read);
        check("idle", idle);
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, got " + d);
        }
        if (d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " timeout is too long: " + d);
        }
    }

    /**
     * Returns a copy with another connect timeout.
     *
     * @param d the new connect timeout
     * @return the copy
     */
    public Timeouts withConnect(Duration d) {
        return new Timeouts(d, read, idle);
    }

    /**
     * Returns a copy with another read timeout.
     *
     * @param d the new read timeout
     * @return the copy
     */
    public Timeouts withRead(Duration d) {
        return new Timeouts(connect, d, idle);
    }

    /**
     * Returns a copy with another idle timeout.
     *
     * @param d the new idle timeout
     * @return the copy
     */
    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, read, d);
    }

    /** @return the connect timeout in milliseconds, as sockets want it */
    public int connectMillis() {
        return (int) connect.toMillis();
    }

    /** @return the read timeout in milliseconds, as {@code Socket.setSoTimeout} wants it */
    public int readMillis() {
        return (int) read.toMillis();
    }
}
