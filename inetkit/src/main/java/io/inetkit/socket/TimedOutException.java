package io.inetkit.socket;

import java.net.SocketTimeoutException;

/**
 * An operation on a socket with a positive timeout did not complete in time: Python's
 * {@code socket.timeout} ({@code TimeoutError}). It is a {@link SocketTimeoutException}, so
 * code that catches the JDK's timeout catches it too.
 */
public final class TimedOutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out, and after how long
     */
    public TimedOutException(String message) {
        super(message);
    }
}
