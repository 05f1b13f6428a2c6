package io.inetkit.text;

/**
 * A line was longer than the reader's maximum. The reader stopped reading at the limit, so
 * the rest of the line is still unread and the connection is unusable: close it.
 */
public final class LineTooLongException extends LimitExceededException {

    /**
     * Creates the exception.
     *
     * @param limit the maximum line length in bytes
     */
    public LineTooLongException(int limit) {
        super("the peer sent a line longer than " + limit + " bytes; the connection cannot be used further", limit);
    }
}
