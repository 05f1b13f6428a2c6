package io.inetkit.text;

/**
 * The peer sent more than a configured limit allows (line length, reply lines, header bytes,
 * body size). Nothing past the limit was stored. The connection is out of step afterwards and
 * should be closed.
 */
public class LimitExceededException extends ProtocolException {
    /** The limit that was exceeded. */
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param message what exceeded which limit
     * @param limit the limit that was exceeded
     */
    public LimitExceededException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** @return the limit that was exceeded */
    public long limit() {
        return limit;
    }
}
