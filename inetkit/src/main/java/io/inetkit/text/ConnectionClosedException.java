package io.inetkit.text;

/** The peer closed the connection in the middle of a line, reply, header block or body. */
public final class ConnectionClosedException extends ProtocolException {
    /** What had been read of the unfinished item. */
    private final String partial;

    /**
     * Creates the exception.
     *
     * @param message what was being read when the connection closed
     * @param partial what had been read of it so far (may be empty, never null)
     */
    public ConnectionClosedException(String message, String partial) {
        super(message);
        this.partial = partial == null ? "" : partial;
    }

    /** @return what had been read so far of the unfinished item */
    public String partial() {
        return partial;
    }
}
