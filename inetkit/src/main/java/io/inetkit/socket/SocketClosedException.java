package io.inetkit.socket;

import java.io.IOException;

/** An operation was tried on a closed socket, or the socket was closed while it ran. */
public final class SocketClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     */
    public SocketClosedException(String message) {
        super(message);
    }
}
