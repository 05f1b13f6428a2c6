package io.inetkit.net;

import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * A TLS connection could not be set up. Extends {@link SSLException} (an IOException) and
 * says why in {@link #reason()}, so callers can tell an untrusted certificate from a
 * host-name mismatch without parsing messages.
 */
public final class TlsException extends SSLException {

    /** Why the TLS connection failed. */
    public enum Reason {
        /** The server's certificate chain does not lead to a trusted CA (or has expired). */
        UNTRUSTED,
        /** The certificate is trusted but issued for another host name. */
        HOST_MISMATCH,
        /** The peers found no common protocol version or cipher suite. */
        PROTOCOL_VERSION,
        /** Any other handshake failure: the peer is not speaking TLS, closed, or sent an alert. */
        HANDSHAKE
    }

    /** Why the handshake failed. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why it failed
     * @param message a message a user understands
     * @param cause the JSSE exception, or null
     */
    public TlsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the TLS connection failed */
    public Reason reason() {
        return reason;
    }
}
