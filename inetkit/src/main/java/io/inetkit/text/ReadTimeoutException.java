package io.inetkit.text;

import java.net.SocketTimeoutException;

/** The peer did not answer within the read timeout. Extends {@link SocketTimeoutException} so existing handlers catch it. */
public final class ReadTimeoutException extends SocketTimeoutException {

    /**
     * Creates the exception.
     *
     * @param message who did not answer within how long
     * @param cause the socket's timeout exception
     */
    public ReadTimeoutException(String message, SocketTimeoutException cause) {
        super(message);
        initCause(cause);
    }
}
