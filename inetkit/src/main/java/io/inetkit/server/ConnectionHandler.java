package io.inetkit.server;

import java.io.IOException;

/**
 * Serves one stream connection (TCP, TLS or Unix-domain), like a handler of Python's
 * {@code socketserver}. The server calls {@link #setup}, then {@link #handle}, then
 * {@link #finish} in the connection's own thread; {@code finish} runs whether {@code handle}
 * returns or throws (a failing {@code setup} skips both). The server closes the connection
 * afterwards; a handler that throws is logged and counted as failed, and the server keeps
 * serving.
 *
 * <p>One handler instance serves every connection, possibly at the same time: keep
 * per-connection state in local variables, not in fields.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Prepares the connection before {@link #handle}; does nothing by default.
     *
     * @param connection the accepted connection
     * @throws IOException when preparing fails; {@code handle} and {@code finish} are then skipped
     */
    default void setup(Connection connection) throws IOException {
    }

    /**
     * Serves the connection: reads requests and writes replies until done.
     *
     * @param connection the accepted connection, owned by this call
     * @throws IOException when the connection fails; the server logs it and closes the connection
     */
    void handle(Connection connection) throws IOException;

    /**
     * Cleans up after {@link #handle}, also when it threw; does nothing by default.
     *
     * @param connection the connection, still open
     * @throws IOException when cleaning up fails
     */
    default void finish(Connection connection) throws IOException {
    }
}
