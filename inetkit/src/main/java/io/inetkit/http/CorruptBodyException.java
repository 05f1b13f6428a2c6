package io.inetkit.http;

import io.inetkit.text.ProtocolException;

/** A compressed response body could not be decoded. */
public final class CorruptBodyException extends ProtocolException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param cause the decoder's exception
     */
    public CorruptBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
