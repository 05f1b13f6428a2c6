package io.inetkit.http;

import io.inetkit.text.LimitExceededException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Retries idempotent requests per a {@link RetryPolicy}, waiting with backoff or as {@code Retry-After} asks. */
final class RetryInterceptor implements Interceptor {

    private static final System.Logger LOG = System.getLogger("io.inetkit.http");

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        boolean retryable = request.method().isIdempotent() && (request.body() == null || request.body().isReplayable());
        if (!retryable) {
            return chain.proceed(request);
        }
        Duration backoff = policy.initialBackoff();
        long startNanos = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= policy.maxRetries();
            HttpResponse response;
            try {
                response = chain.proceed(request);
            } catch (CallCanceledException | CallTimeoutException | MalformedReplyException | LimitExceededException
                    | TooManyRedirectsException e) {
                throw e; // not transient
            } catch (IOException e) {
                if (last || chain.call().isCanceledOrTimedOut() || outOfTime(startNanos, backoff)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " after " + e);
                chain.call().pause(backoff);
                backoff = next(backoff);
                continue;
            }
            if (last || !policy.statuses().contains(response.status())) {
                return response;
            }
            Duration wait = retryAfter(response.headers().firstOrNull("Retry-After"));
            if (wait == null) {
                wait = backoff;
            } else if (wait.compareTo(policy.maxBackoff()) > 0) {
                return response; // the server asks for a longer pause than we are willing to wait
            }
            if (outOfTime(startNanos, wait)) {
                return response;
            }
            response.close();
            int status = response.status();
            LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " after status " + status);
            chain.call().pause(wait);
            backoff = next(backoff);
        }
    }

    /** @return true if a retry after {@code wait} would start past the policy's maxElapsed */
    private boolean outOfTime(long startNanos, Duration wait) {
        Duration max = policy.maxElapsed();
        return max != null && Duration.ofNanos(System.nanoTime() - startNanos).plus(wait).compareTo(max) > 0;
    }

    private Duration next(Duration d) {
        Duration doubled = d.multipliedBy(2);
        return doubled.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : doubled;
    }

    /** @return the wait asked by Retry-After (delay-seconds or HTTP-date), or null if absent or invalid */
    static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!v.isEmpty() && v.length() < 10 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
