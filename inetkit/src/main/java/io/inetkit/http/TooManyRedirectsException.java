package io.inetkit.http;

import io.inetkit.text.ProtocolException;

/** Redirects were not followed to the end: more than the configured maximum, or a loop. */
public final class TooManyRedirectsException extends ProtocolException {

    /**
     * Creates the exception.
     *
     * @param message how many redirects, or which URL looped
     */
    public TooManyRedirectsException(String message) {
        super(message);
    }
}
