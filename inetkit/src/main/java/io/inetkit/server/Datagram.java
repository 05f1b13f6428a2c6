package io.inetkit.server;

import java.net.SocketAddress;
import java.util.Objects;

/**
 * One datagram received by a UDP server.
 *
 * @param data the payload, exactly as received (the handler owns this array)
 * @param sender the address the datagram came from
 */
public record Datagram(byte[] data, SocketAddress sender) {

    /**
     * Checks the components.
     *
     * @param data the payload
     * @param sender the sender's address
     */
    public Datagram {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sender, "sender");
    }

    /** {@return the number of bytes in the payload} */
    public int length() {
        return data.length;
    }
}
