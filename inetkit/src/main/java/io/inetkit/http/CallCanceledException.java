package io.inetkit.http;

import java.io.IOException;

/** The call was canceled with {@link HttpCall#cancel()} (or its future was canceled); its connection was closed. */
public final class CallCanceledException extends IOException {

    /**
     * Creates the exception.
     *
     * @param message what was canceled
     */
    public CallCanceledException(String message) {
        super(message);
    }
}
