package io.inetkit.socket;

import java.net.SocketException;

/**
 * A send, receive, bind or similar operation failed in the operating system, for example
 * {@code recv from 127.0.0.1:80 failed: connection reset by peer (ECONNRESET)}. Python raises
 * {@code OSError} with an errno for the same cases.
 */
public final class SocketFailureException extends SocketException {
    private static final long serialVersionUID = 1L;

    /** The errno-style code. */
    private final Errno errno;

    /**
     * Creates the exception.
     *
     * @param errno the errno-style code
     * @param message what failed, with the code
     * @param cause the JDK's exception, or null
     */
    public SocketFailureException(Errno errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /**
     * The errno-style code.
     *
     * @return the code
     */
    public Errno errno() {
        return errno;
    }
}
