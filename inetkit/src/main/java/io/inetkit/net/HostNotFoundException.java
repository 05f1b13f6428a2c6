package io.inetkit.net;

import java.util.Objects;

/** The host name could not be resolved to any address. */
public final class HostNotFoundException extends java.net.UnknownHostException implements DialFailure {
    private final transient Endpoint endpoint;

    /**
     * Creates the exception.
     *
     * @param endpoint the endpoint that could not be reached
     * @param message a message that names the host and port
     * @param cause the underlying exception, or null
     */
    public HostNotFoundException(Endpoint endpoint, String message, Throwable cause) {
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
