package io.inetkit.socket;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** connect and connect_ex for one socket. */
final class Connecting {
    private final SocketCore core;

    Connecting(SocketCore core) {
        this.core = core;
    }

    void connect(Address address) throws IOException {
        core.checkFamily(address, "connect");
        if (core.kind == Kind.DGRAM) {
            connectDatagram(address);
            return;
        }
        SocketChannel ch;
        core.stateLock.lock();
        try {
            core.ensureOpen();
            if (core.server != null) {
                throw new IllegalStateException("a listening socket cannot connect");
            }
            ch = core.stream;
            if (ch.isConnected()) {
                throw new IllegalStateException("socket is already connected to " + core.peerAddress());
            }
        } finally {
            core.stateLock.unlock();
        }
        Deadline deadline = Deadline.start(core.timeout);
        String what = "connect to " + address;
        try {
            boolean done;
            if (ch.isConnectionPending()) {
                done = ch.finishConnect();
                if (!done && deadline.nonBlocking()) {
                    throw new WouldBlockException(Errno.EALREADY, what + " is still in progress");
                }
            } else {
                done = ch.connect(address.toJava());
                if (!done && deadline.nonBlocking()) {
                    throw new WouldBlockException(Errno.EINPROGRESS, what + " has started; call connect again to finish");
                }
            }
            if (!done) {
                Io.run(what, ch, SelectionKey.OP_CONNECT, core.writeWaiter, deadline,
                        () -> ch.finishConnect() ? Boolean.TRUE : null);
            }
        } catch (WouldBlockException | TimedOutException e) {
            throw e;
        } catch (IOException e) {
            throw connectFailure(e, address);
        }
    }

    Errno connectEx(Address address) {
        core.checkFamily(address, "connect");
        if (core.kind == Kind.STREAM && !core.closed) {
            SocketChannel ch = core.stream;
            if (ch != null && ch.isConnected()) {
                return Errno.EISCONN;
            }
        }
        try {
            connect(address);
            return Errno.OK;
        } catch (IOException e) {
            return Errno.fromException(e);
        }
    }

    private void connectDatagram(Address address) throws IOException {
        core.stateLock.lock();
        try {
            core.ensureOpen();
            if (core.datagram.isConnected()) {
                core.datagram.disconnect();
            }
            core.datagram.connect(address.toJava());
        } catch (IOException e) {
            throw connectFailure(e, address);
        } finally {
            core.stateLock.unlock();
        }
    }

    private IOException connectFailure(IOException e, Address address) {
        if (e instanceof ClosedChannelException && core.closed) {
            return core.failure("connect", e);
        }
        IOException result = e instanceof ConnectFailedException ? e
                : new ConnectFailedException(Errno.fromException(e), address, e);
        reopenAfterFailedConnect();
        return result;
    }

    /** NIO closes a channel whose connect failed; Python's socket stays usable, so get a new one. */
    private void reopenAfterFailedConnect() {
        core.stateLock.lock();
        try {
            SocketChannel old = core.stream;
            if (core.closed || core.kind != Kind.STREAM || old == null || old.isOpen()) {
                return;
            }
            SocketChannel fresh = SocketChannel.open(core.family.protocolFamily());
            try {
                OptionSupport.replay(fresh, core.family, core.userOptions, true, core.describe());
                fresh.configureBlocking(core.timeout == null);
            } catch (IOException | RuntimeException e) {
                fresh.close();
                throw e;
            }
            core.stream = fresh;
            core.readWaiter.release();
            core.writeWaiter.release();
        } catch (IOException | RuntimeException e) {
            SocketCore.LOG.log(System.Logger.Level.DEBUG, "cannot reopen socket after failed connect", e);
        } finally {
            core.stateLock.unlock();
        }
    }
}
