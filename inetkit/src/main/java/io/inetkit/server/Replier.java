package io.inetkit.server;

import java.io.IOException;
import java.net.SocketAddress;

/** Sends datagrams through a UDP server's socket, from the address it listens on. */
public interface Replier {

    /**
     * Sends one datagram back to the sender of the datagram being handled.
     *
     * @param data the payload
     * @throws IOException when sending fails (the server closed, the payload is too big)
     */
    void reply(byte[] data) throws IOException;

    /**
     * Sends one datagram to any address.
     *
     * @param data the payload
     * @param target where to send it
     * @throws IOException when sending fails
     */
    void send(byte[] data, SocketAddress target) throws IOException;
}
