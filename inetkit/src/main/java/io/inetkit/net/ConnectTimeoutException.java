package io.inetkit.net;

import java.util.Objects;

/** No answer within the connect timeout. */
public final class ConnectTimeoutException extends java.net.SocketTimeoutException implements DialFailure {
    private final transient Endpoint endpoint;

    /**
     * Creates the exception.
     *
     * @param endpoint the endpoint that could not be reached
     * @param message a message that names the host and port
     * @param cause the underlying exception, or null
     */
    public ConnectTimeoutException(Endpoint endpoint, String message, Throwable cause) {
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
