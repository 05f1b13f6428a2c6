package io.inetkit.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how often to retry idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) whose
 * body, if any, can be sent again. Retried: connection failures and timeouts of a single attempt,
 * and the statuses in {@link #statuses()} (default 408, 429, 502, 503, 504). The wait doubles
 * from {@code initialBackoff} up to {@code maxBackoff}; a {@code Retry-After} header (seconds or
 * an HTTP date) replaces it, and one longer than {@code maxBackoff} ends the retries. With
 * {@code maxElapsed}, no retry starts whose wait would end later than that after the first attempt
 * began (curl's {@code --retry-max-time}).
 *
 * @param maxRetries retries after the first attempt, 1 or more
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait, also the longest Retry-After honoured
 * @param statuses the statuses that are retried
 * @param maxElapsed the time after the first attempt began past which no retry starts, or null for no bound
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Set<Integer> statuses,
        Duration maxElapsed) {

    /** The statuses retried by default. */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 502, 503, 504);

    /** Validates the policy. */
    public RetryPolicy {
        if (maxRetries < 1) {
            throw new IllegalArgumentException("maxRetries must be at least 1, got " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max, got " + initialBackoff + " and " + maxBackoff);
        }
        statuses = Set.copyOf(statuses);
        if (maxElapsed != null && maxElapsed.isNegative()) {
            throw new IllegalArgumentException("maxElapsed must not be negative, got " + maxElapsed);
        }
    }

    /**
     * A policy without a bound on the time spent retrying.
     *
     * @param maxRetries retries after the first attempt, 1 or more
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait, also the longest Retry-After honoured
     * @param statuses the statuses that are retried
     */
    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Set<Integer> statuses) {
        this(maxRetries, initialBackoff, maxBackoff, statuses, null);
    }

    /**
     * A policy with exponential backoff from 500 ms to 30 s and the default statuses.
     *
     * @param maxRetries retries after the first attempt
     * @return the policy
     */
    public static RetryPolicy of(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30), DEFAULT_STATUSES);
    }

    /**
     * Returns a copy with other backoffs.
     *
     * @param initial the first wait
     * @param max the longest wait
     * @return the copy
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxRetries, initial, max, statuses, maxElapsed);
    }

    /**
     * Returns a copy that waits the same time before every retry (curl's {@code --retry-delay});
     * a {@code Retry-After} longer than that ends the retries.
     *
     * @param delay the wait, 0 or more
     * @return the copy
     */
    public RetryPolicy withFixedDelay(Duration delay) {
        return withBackoff(delay, delay);
    }

    /**
     * Returns a copy that starts no retry whose wait would end later than {@code max} after the
     * first attempt began.
     *
     * @param max the bound, or null for none
     * @return the copy
     */
    public RetryPolicy withMaxElapsed(Duration max) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, statuses, max);
    }
}
