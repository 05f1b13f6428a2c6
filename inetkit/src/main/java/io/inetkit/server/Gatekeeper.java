package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;

/**
 * Turns peers away, the same way for both stream servers (thread per connection and event
 * loops): the accept filter, and the overload policy once the connection limit is reached
 * (close at once, or hand the peer to the busy handler on a virtual thread).
 */
final class Gatekeeper {
    /** Busy handlers run outside the connection limit; this bounds them under a flood. */
    private static final int BUSY_LIMIT = 64;

    private final ServerCore core;
    private final boolean unix;
    private final Semaphore busySlots = new Semaphore(BUSY_LIMIT);

    Gatekeeper(ServerCore core, boolean unix) {
        this.core = core;
        this.unix = unix;
    }

    /** @return whether the accept filter lets the peer in; a filter that throws is logged and refuses */
    boolean admits(SocketAddress peer) {
        try {
            return core.config.acceptFilter().test(peer);
        } catch (RuntimeException e) {
            ServerCore.LOG.log(Level.WARNING, core.config.name() + ": accept filter failed; refusing the connection", e);
            return false;
        }
    }

    /** Refuses a connection over the limit (counted): the busy handler answers it when there is one and a slot, else it is closed. */
    void refuse(SocketChannel ch) {
        core.countRejected();
        if (core.config.overloadPolicy() instanceof OverloadPolicy.Busy busy && busySlots.tryAcquire()) {
            ConnectionTask task = new ConnectionTask(core, ch, busy.handler(), false, false, unix);
            core.track(task, false);
            try {
                new HandlerRunner.Virtual().execute(() -> {
                    try {
                        task.run();
                    } finally {
                        busySlots.release();
                    }
                });
            } catch (Throwable t) {
                busySlots.release();
                task.abandon(t);
            }
            return;
        }
        closeQuietly(ch);
    }

    /** Closes a connection that will not be served. */
    static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do with a refused connection
        }
    }
}
