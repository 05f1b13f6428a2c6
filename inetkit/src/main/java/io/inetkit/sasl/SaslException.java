package io.inetkit.sasl;

import java.io.IOException;

/**
 * A SASL exchange failed on the client side: the server sent something malformed or
 * unexpected, could not prove its identity (SCRAM), reported an error inside the exchange
 * (OAuth), or no acceptable mechanism could be chosen.
 *
 * <p>The message says what happened in words a user understands. It never contains a
 * password, token or client response.
 */
public class SaslException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, without secrets
     */
    public SaslException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, without secrets
     * @param cause the underlying failure
     */
    public SaslException(String message, Throwable cause) {
        super(message, cause);
    }
}
