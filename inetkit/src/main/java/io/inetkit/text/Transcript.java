package io.inetkit.text;

/**
 * The one trace sink of a connection: every line sent and received, in order. Secrets never
 * reach it: the protocol layer sends them with {@link TextConnection#sendSecret(String, String)},
 * which records only the masked form. Bodies are summarised ({@code <1234 bytes>}).
 *
 * <p>Called on the thread using the connection; implementations need not be thread-safe
 * unless one transcript is shared by several connections.
 */
@FunctionalInterface
public interface Transcript {

    /** Which way a line went. */
    enum Direction {
        /** From us to the peer. */
        SENT,
        /** From the peer to us. */
        RECEIVED
    }

    /** A transcript that discards everything. */
    Transcript NONE = (direction, line) -> { };

    /**
     * Records one line.
     *
     * @param direction which way it went
     * @param line the line without terminator (masked, or a body summary)
     */
    void record(Direction direction, String line);

    /**
     * A transcript that prints lines as {@code C: ...} and {@code S: ...} to a logger at DEBUG level.
     *
     * @param logger the logger
     * @return the transcript
     */
    static Transcript toLogger(System.Logger logger) {
        return (direction, line) -> logger.log(System.Logger.Level.DEBUG,
                () -> (direction == Direction.SENT ? "C: " : "S: ") + line);
    }
}
