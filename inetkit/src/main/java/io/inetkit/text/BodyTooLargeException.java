package io.inetkit.text;

/** A dot-terminated body (message, article, listing) was larger than the configured limit. */
public final class BodyTooLargeException extends LimitExceededException {

    /**
     * Creates the exception.
     *
     * @param limit the maximum body size in bytes
     */
    public BodyTooLargeException(long limit) {
        super("the body is larger than the limit of " + limit + " bytes", limit);
    }
}
