package io.inetkit.sasl;

/**
 * No mechanism could be chosen before authentication started: the server offers none that
 * fits the credentials, the forced mechanism is not offered, or the only candidates would
 * send the secret in clear over an unencrypted connection.
 *
 * <p>Nothing was sent to the server when this is thrown.
 */
public final class SaslNegotiationException extends SaslException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message why no mechanism was chosen
     */
    public SaslNegotiationException(String message) {
        super(message);
    }
}
