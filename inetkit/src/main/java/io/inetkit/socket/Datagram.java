package io.inetkit.socket;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link Socket#recvFrom(int)} returns: Python's {@code (bytes, address)} pair.
 *
 * @param data the bytes received (this record owns the array; do not share it)
 * @param sender who sent them
 */
public record Datagram(byte[] data, Address sender) {
    /** Validates the components. */
    public Datagram {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sender, "sender");
    }

    /** Compares the data by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Datagram d && Arrays.equals(data, d.data) && sender.equals(d.sender);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sender.hashCode();
    }

    /** The size and sender, not the bytes. */
    @Override
    public String toString() {
        return "Datagram[" + data.length + " bytes from " + sender + "]";
    }
}
