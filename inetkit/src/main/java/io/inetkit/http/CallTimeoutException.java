package io.inetkit.http;

import java.io.InterruptedIOException;

/** The whole call (connect, request, response and body) did not finish within its deadline; its connection was closed. */
public final class CallTimeoutException extends InterruptedIOException {

    /**
     * Creates the exception.
     *
     * @param message which call exceeded which deadline
     */
    public CallTimeoutException(String message) {
        super(message);
    }
}
