package io.inetkit.server;

/** A connection or datagram in flight, as the server's shutdown sees it. */
interface Tracked {

    /** {@return the thread running the handler, or null while queued} */
    Thread thread();

    /** Closes the connection's socket (so blocked reads fail) and interrupts its thread. */
    void forceClose();
}
