package io.inetkit.socket;

import java.io.IOException;

/**
 * A non-blocking socket (timeout {@link java.time.Duration#ZERO}) could not complete an
 * operation at once: Python's {@code BlockingIOError}. Try again when the socket is ready.
 */
public final class WouldBlockException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The errno-style code. */
    private final Errno errno;

    /**
     * Creates the exception.
     *
     * @param errno {@link Errno#EAGAIN}, or {@link Errno#EINPROGRESS}/{@link Errno#EALREADY} for connect
     * @param message what could not complete
     */
    public WouldBlockException(Errno errno, String message) {
        super(message);
        this.errno = errno;
    }

    /**
     * The errno-style code.
     *
     * @return {@link Errno#EAGAIN}, {@link Errno#EINPROGRESS} or {@link Errno#EALREADY}
     */
    public Errno errno() {
        return errno;
    }
}
