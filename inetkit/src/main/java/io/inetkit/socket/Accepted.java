package io.inetkit.socket;

import java.util.Objects;

/**
 * What {@link Socket#accept()} returns: Python's {@code (conn, address)} pair.
 *
 * @param socket the connected socket, blocking (timeout null); the caller closes it
 * @param peer the client's address
 */
public record Accepted(Socket socket, Address peer) {
    /** Validates the components. */
    public Accepted {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(peer, "peer");
    }
}
