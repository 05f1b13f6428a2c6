package io.inetkit.server;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Runs one accepted connection in its own thread: socket options, the TLS handshake, then
 * setup/handle/finish; closes the connection and frees its slot whatever happens.
 */
final class ConnectionTask implements Runnable, Tracked {
    private final ServerCore core;
    private final SocketChannel channel;
    private final ConnectionHandler handler;
    private final boolean served;
    private final boolean holdsPermit;
    private final boolean unix;
    private volatile Thread thread;
    private volatile SSLSocket tlsSocket;
    /** When the current read (or TLS handshake) must end, in System.nanoTime; 0 when none. */
    private volatile long readDeadline;
    /** When the current write must end; 0 when none. */
    private volatile long writeDeadline;
    private volatile boolean expired;
    private volatile long idleNanos;

    ConnectionTask(ServerCore core, SocketChannel channel, ConnectionHandler handler, boolean served,
            boolean holdsPermit, boolean unix) {
        this.core = core;
        this.channel = channel;
        this.handler = handler;
        this.served = served;
        this.holdsPermit = holdsPermit;
        this.unix = unix;
        this.idleNanos = core.config.idleTimeout().toNanos();
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Throwable failure = null;
        try {
            if (core.forced()) {
                throw new SocketException("server shut down before the connection was served");
            }
            Connection connection = open();
            handler.setup(connection);
            Throwable handleFailure = null;
            try {
                handler.handle(connection);
            } catch (Throwable t) {
                handleFailure = t;
            }
            try {
                handler.finish(connection);
            } catch (Throwable t) {
                if (handleFailure == null) {
                    handleFailure = t;
                } else {
                    handleFailure.addSuppressed(t); // keep the first failure, it is the cause
                }
            }
            failure = handleFailure;
        } catch (Throwable t) {
            failure = t;
        } finally {
            closeQuietly();
            core.finished(this, served, holdsPermit, failure);
        }
    }

    /** Frees the slot of a task that could not be started. */
    void abandon(Throwable why) {
        closeQuietly();
        core.finished(this, served, holdsPermit, why);
    }

    private Connection open() throws IOException {
        var peer = channel.getRemoteAddress();
        var local = channel.getLocalAddress();
        if (!unix && core.config.tcpNoDelay()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        if (core.config.tls() == null) {
            return new Connection(this, channel, peer, local);
        }
        SSLSocket ssl = handshake(channel.socket());
        return new Connection(this, channel, ssl, new WatchedStreams.Input(ssl.getInputStream(), this),
                new WatchedStreams.Output(ssl.getOutputStream(), this), ssl.getSession(), peer, local);
    }

    /** The server side of the TLS handshake over the channel's socket adaptor, bounded in total. */
    private SSLSocket handshake(Socket plain) throws IOException {
        TlsListener tls = core.config.tls();
        SSLSocketFactory factory = tls.context().getSocketFactory();
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, null, true); // server mode, closes the channel
        tlsSocket = ssl;
        SSLParameters params = tls.context().getDefaultSSLParameters();
        tls.parameters().accept(params);
        ssl.setSSLParameters(params);
        readDeadline = System.nanoTime() + tls.handshakeTimeout().toNanos();
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            if (expired) {
                throw new SocketTimeoutException("TLS handshake took longer than " + tls.handshakeTimeout());
            }
            throw e;
        } finally {
            readDeadline = 0;
        }
        return ssl;
    }

    Duration idleTimeout() {
        return Duration.ofNanos(idleNanos);
    }

    void setIdleTimeout(Duration timeout) {
        idleNanos = timeout.toNanos();
    }

    /** Arms the read deadline; returns the idle timeout in nanoseconds (0: none). */
    long armRead() {
        long idle = idleNanos;
        if (idle > 0) {
            readDeadline = System.nanoTime() + idle;
        }
        return idle;
    }

    void disarmRead() {
        readDeadline = 0;
    }

    /** Arms the write deadline; returns the idle timeout in nanoseconds (0: none). */
    long armWrite() {
        long idle = idleNanos;
        if (idle > 0) {
            writeDeadline = System.nanoTime() + idle;
        }
        return idle;
    }

    void disarmWrite() {
        writeDeadline = 0;
    }

    boolean expired() {
        return expired;
    }

    /** Called by the watchdog: closes the channel when a read, write or handshake is overdue. */
    void expireIfOverdue(long now) {
        long r = readDeadline;
        long w = writeDeadline;
        if ((r != 0 && now - r > 0) || (w != 0 && now - w > 0)) {
            expired = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all we can do
            }
        }
    }

    @Override
    public void forceClose() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is gone either way
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt(); // for handlers blocked on something other than this socket
        }
    }

    void close() throws IOException {
        SSLSocket ssl = tlsSocket;
        try {
            if (ssl != null && !expired && !core.forced()) {
                armWrite(); // close_notify must not block for ever on a peer that reads nothing
                ssl.close(); // sends close_notify, then closes the channel
            }
        } finally {
            channel.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // the peer may be gone; nothing to tell anyone
        }
    }
}
