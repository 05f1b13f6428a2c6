package io.inetkit.server;

import java.io.IOException;

/**
 * Serves one datagram received by a UDP server. Calls may run at the same time (one per
 * datagram) depending on the server's {@link Concurrency}.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Handles one datagram.
     *
     * @param datagram the datagram received
     * @param replier sends datagrams back through the server's socket
     * @throws IOException when handling fails; the server logs it and goes on
     */
    void handle(Datagram datagram, Replier replier) throws IOException;
}
