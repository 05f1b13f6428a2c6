package io.inetkit.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Hears the steps of one {@link Dialer#connect(Endpoint, DialListener)}: the name resolved, each
 * address that failed, the connection made. Called on the dialing thread, in that order; the
 * methods should return quickly and must not throw. Every method does nothing by default.
 */
public interface DialListener {

    /** Hears nothing. */
    DialListener NONE = new DialListener() { };

    /**
     * The host name was resolved (an IP literal too, at once).
     *
     * @param endpoint what is being dialed
     * @param addresses the addresses, in the order they will be tried
     */
    default void resolved(Endpoint endpoint, List<InetAddress> addresses) {
    }

    /**
     * One address could not be reached; the next one, if any, is tried.
     *
     * @param endpoint what is being dialed
     * @param address the address that failed
     * @param failure why
     */
    default void attemptFailed(Endpoint endpoint, InetSocketAddress address, IOException failure) {
    }

    /**
     * The TCP connection is established.
     *
     * @param endpoint what was dialed
     * @param socket the connected socket (do not read, write or close it here)
     */
    default void connected(Endpoint endpoint, Socket socket) {
    }
}
