package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Accepts connections on loop 0 of an {@link EventServer} without blocking it: the listener is
 * one more key of that loop's selector. Applies the accept filter and the connection limit, and
 * hands each connection to the loops in turn.
 *
 * <p>Over the limit with {@link OverloadPolicy.Wait}, the listener's interest is switched off
 * (peers wait in the kernel's backlog) and switched on again when a connection ends. When
 * accept fails (e.g. too many open files) it is switched off until the loop's next tick,
 * instead of spinning on the same error.
 */
final class EventAcceptor {
    /** Accepts per wake-up, so a connection storm cannot starve loop 0's own connections. */
    private static final int ACCEPTS_PER_WAKEUP = 64;

    private final EventServer server;
    private final ServerCore core;
    private final ServerSocketChannel listener;
    private final EventLoop home;
    private final EventLoop[] loops;
    private final boolean noDelay;
    /** Set while waiting for a slot; whoever frees one clears it and switches accepting on. */
    private final AtomicBoolean waitingForSlot = new AtomicBoolean();
    private final SelectionKey key;
    private boolean backingOff;
    private int next;

    EventAcceptor(EventServer server, ServerSocketChannel listener, EventLoop[] loops, boolean unix) throws IOException {
        this.server = server;
        this.core = server.core;
        this.listener = listener;
        this.loops = loops;
        this.home = loops[0];
        this.noDelay = !unix && core.config.tcpNoDelay();
        listener.configureBlocking(false);
        this.key = listener.register(home.selector, SelectionKey.OP_ACCEPT, this);
        home.acceptWith(this);
    }

    /** The listener is ready: accept what is waiting, within the bounds. Loop 0. */
    void acceptReady() {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP && core.running(); i++) {
            boolean permit = false;
            if (core.overloadWaits) {
                if (!core.permits.tryAcquire()) {
                    waitForSlot();
                    return;
                }
                permit = true;
            }
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                releaseIf(permit);
                return;
            } catch (IOException e) {
                releaseIf(permit);
                backOff(e);
                return;
            }
            if (ch == null) {
                releaseIf(permit);
                return;
            }
            admit(ch, permit);
        }
    }

    private void admit(SocketChannel ch, boolean permit) {
        core.countAccepted();
        SocketAddress peer;
        SocketAddress local;
        try {
            peer = ch.getRemoteAddress();
            local = ch.getLocalAddress();
        } catch (IOException e) {
            core.countRejected(); // the peer is already gone
            Gatekeeper.closeQuietly(ch);
            releaseIf(permit);
            return;
        }
        if (!server.gate.admits(peer)) {
            core.countRejected();
            Gatekeeper.closeQuietly(ch);
            releaseIf(permit);
            return;
        }
        if (!permit && !core.permits.tryAcquire()) {
            server.gate.refuse(ch);
            return;
        }
        core.openedOnLoop();
        StreamProtocol protocol;
        try {
            ch.configureBlocking(false);
            if (noDelay) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            protocol = server.newProtocol();
        } catch (Throwable t) {
            Gatekeeper.closeQuietly(ch);
            server.ended(t);
            return;
        }
        EventLoop target = loops[next];
        next = next + 1 == loops.length ? 0 : next + 1;
        EventConnection c = new EventConnection(target, ch, peer, local, protocol);
        if (target == home) {
            c.register();
        } else {
            target.execute(c::register);
        }
    }

    private void waitForSlot() {
        setInterest(0);
        waitingForSlot.set(true);
        // A slot freed between the failed tryAcquire and the flag would otherwise be missed.
        if (core.permits.availablePermits() > 0 && waitingForSlot.compareAndSet(true, false)) {
            setInterest(SelectionKey.OP_ACCEPT);
        }
    }

    /** A connection ended and freed its slot: accept again if we were waiting for one. Any thread. */
    void slotFreed() {
        if (waitingForSlot.get() && waitingForSlot.compareAndSet(true, false)) {
            home.execute(() -> setInterest(SelectionKey.OP_ACCEPT));
        }
    }

    private void backOff(IOException e) {
        if (!core.running()) {
            return;
        }
        ServerCore.LOG.log(Level.WARNING, core.config.name() + ": accept failed, retrying shortly: " + e);
        backingOff = true;
        setInterest(0);
    }

    /** The loop's timer: ends a back-off. Loop 0. */
    void tick() {
        if (backingOff) {
            backingOff = false;
            if (!waitingForSlot.get()) {
                setInterest(SelectionKey.OP_ACCEPT);
            }
        }
    }

    private void setInterest(int ops) {
        if (key.isValid() && core.running()) {
            key.interestOps(ops);
        }
    }

    private void releaseIf(boolean permit) {
        if (permit) {
            core.permits.release();
        }
    }
}
