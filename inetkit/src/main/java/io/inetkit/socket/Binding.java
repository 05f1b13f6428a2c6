package io.inetkit.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** bind, listen and accept for one socket. */
final class Binding {
    private final SocketCore core;

    Binding(SocketCore core) {
        this.core = core;
    }

    void bind(Address address) throws IOException {
        core.checkFamily(address, "bind");
        core.stateLock.lock();
        try {
            core.ensureOpen();
            NetworkChannel ch = core.current();
            if (core.server != null || ch.getLocalAddress() != null) {
                throw new IllegalStateException("socket is already bound to " + core.localAddress());
            }
            if (address instanceof Address.Unix u) {
                UnixPaths.clearStale(u.path());
            }
            try {
                ch.bind(address.toJava());
            } catch (IOException e) {
                throw bindFailure(e, address);
            }
            core.rememberSocketFile(ch);
        } finally {
            core.stateLock.unlock();
        }
    }

    void listen(int backlog) throws IOException {
        core.stateLock.lock();
        try {
            checkCanListen(backlog);
            listenAt(core.stream.getLocalAddress(), backlog);
        } finally {
            core.stateLock.unlock();
        }
    }

    /** Bind and listen in one step, without the re-bind gap of {@link #listen}. */
    void bindAndListen(Address address, int backlog) throws IOException {
        core.checkFamily(address, "bind");
        core.stateLock.lock();
        try {
            checkCanListen(backlog);
            if (core.stream.getLocalAddress() != null) {
                throw new IllegalStateException("socket is already bound to " + core.localAddress());
            }
            if (address instanceof Address.Unix u) {
                UnixPaths.clearStale(u.path());
            }
            listenAt(address.toJava(), backlog);
        } finally {
            core.stateLock.unlock();
        }
    }

    private void checkCanListen(int backlog) throws IOException {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        if (core.kind != Kind.STREAM) {
            throw new IllegalStateException("listen needs a STREAM socket; this socket is " + core.family + " DGRAM");
        }
        core.ensureOpen();
        if (core.server != null) {
            throw new IllegalStateException("socket is already listening on " + core.localAddress());
        }
        if (core.stream.isConnected() || core.stream.isConnectionPending()) {
            throw new IllegalStateException("a connected socket cannot listen");
        }
    }

    /**
     * Replaces the client channel with a listening server channel at {@code where} (null: any
     * address). The JDK binds and listens in one call and cannot turn a client channel into a
     * server, so the client channel that held the address is closed first.
     */
    private void listenAt(SocketAddress where, int backlog) throws IOException {
        ServerSocketChannel srv = ServerSocketChannel.open(core.family.protocolFamily());
        try {
            OptionSupport.replay(srv, core.family, core.userOptions, true, "a listening " + core.family + " STREAM socket");
            core.stream.close();
            core.removeOwnSocketFile();
            try {
                srv.bind(where, backlog);
            } catch (IOException e) {
                throw bindFailure(e, where == null ? null : Address.of(where));
            }
            srv.configureBlocking(core.timeout == null);
        } catch (IOException | RuntimeException e) {
            srv.close();
            core.close(); // the client channel is gone: this socket cannot be used any more
            throw e;
        }
        core.server = srv;
        core.stream = null;
        core.rememberSocketFile(srv);
        core.readWaiter.release(); // drop selector keys of the closed client channel
        core.writeWaiter.release();
    }

    /** Accepts one connection; the new socket is blocking, as in Python. */
    Accepted accept() throws IOException {
        ServerSocketChannel srv = core.server;
        if (srv == null) {
            core.ensureOpen();
            throw new IllegalStateException("accept needs a listening socket; call listen first");
        }
        SocketChannel ch;
        try {
            ch = Io.run("accept", srv, SelectionKey.OP_ACCEPT, core.readWaiter, Deadline.start(core.timeout), srv::accept);
        } catch (IOException e) {
            throw core.failure("accept", e);
        }
        try {
            ch.configureBlocking(true);
            Address peer = Address.of(ch.getRemoteAddress());
            return new Accepted(new Socket(new SocketCore(core.family, Kind.STREAM, ch, null)), peer);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static IOException bindFailure(IOException e, Address address) {
        if (e instanceof SocketException) {
            Errno errno = Errno.fromException(e);
            return new SocketFailureException(errno, "cannot bind " + (address == null ? "any address" : address)
                    + ": " + SocketCore.explain(errno, e), e);
        }
        return e;
    }
}
