package io.inetkit.net;

/**
 * What the {@link Dialer} throws when it cannot connect. Each alternative is an
 * {@link java.io.IOException} subclass of the matching JDK exception, so existing
 * {@code catch} clauses keep working; its message names the host and port.
 */
public sealed interface DialFailure
        permits HostNotFoundException, ConnectionRefusedException, ConnectTimeoutException,
                HostUnreachableException {

    /** @return the endpoint that could not be reached */
    Endpoint endpoint();
}
