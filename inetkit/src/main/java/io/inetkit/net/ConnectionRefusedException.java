package io.inetkit.net;

import java.util.Objects;

/** The host answered but nothing listens on the port (or a firewall rejected the connection). */
public final class ConnectionRefusedException extends java.net.ConnectException implements DialFailure {
    private final transient Endpoint endpoint;

    /**
     * Creates the exception.
     *
     * @param endpoint the endpoint that could not be reached
     * @param message a message that names the host and port
     * @param cause the underlying exception, or null
     */
    public ConnectionRefusedException(Endpoint endpoint, String message, Throwable cause) {
        super(message);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (cause != null) {
            initCause(cause);
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }
}
