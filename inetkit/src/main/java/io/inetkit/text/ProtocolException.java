package io.inetkit.text;

import java.io.IOException;

/**
 * The root of the line-protocol failures: the peer said no, said something we cannot parse,
 * sent too much, or went away. Protocol packages may extend it.
 */
public class ProtocolException extends IOException {

    /**
     * Creates the exception.
     *
     * @param message a message a user understands
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message a message a user understands
     * @param cause the underlying exception
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
