package io.inetkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.Channels;
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
    /** When the current read or handshake must end (System.nanoTime), 0 when none; watched for Unix and TLS. */
    private volatile long deadline;
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
            try {
                handler.handle(connection);
            } finally {
                handler.finish(connection);
            }
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
        if (unix) {
            InputStream in = new UnixInput(Channels.newInputStream(channel), this);
            return new Connection(this, channel, null, in, Channels.newOutputStream(channel), null, peer, local);
        }
        if (core.config.tcpNoDelay()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        Socket socket = channel.socket(); // the adaptor: its streams honour SO_TIMEOUT, the channel's do not
        if (core.config.tls() != null) {
            socket = handshake(socket);
        }
        socket.setSoTimeout((int) (idleNanos / 1_000_000));
        var session = tlsSocket == null ? null : tlsSocket.getSession();
        return new Connection(this, channel, socket, socket.getInputStream(), socket.getOutputStream(), session, peer, local);
    }

    private SSLSocket handshake(Socket plain) throws IOException {
        TlsListener tls = core.config.tls();
        SSLSocketFactory factory = tls.context().getSocketFactory();
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, null, true); // server mode, closes the channel
        tlsSocket = ssl;
        SSLParameters params = tls.context().getDefaultSSLParameters();
        tls.parameters().accept(params);
        ssl.setSSLParameters(params);
        long timeout = tls.handshakeTimeout().toNanos();
        ssl.setSoTimeout((int) Math.max(1, tls.handshakeTimeout().toMillis()));
        deadline = System.nanoTime() + timeout; // bounds the whole handshake, not just each read
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            if (expired) {
                throw new SocketTimeoutException("TLS handshake took longer than " + tls.handshakeTimeout());
            }
            throw e;
        } finally {
            deadline = 0;
        }
        return ssl;
    }

    Duration idleTimeout() {
        return Duration.ofNanos(idleNanos);
    }

    void setIdleTimeout(Duration timeout, Socket socket) throws IOException {
        if (socket != null) {
            socket.setSoTimeout((int) timeout.toMillis());
        }
        idleNanos = timeout.toNanos();
    }

    /** Called by the watchdog: closes the channel when the read or handshake is overdue. */
    void expireIfOverdue(long now) {
        long d = deadline;
        if (d != 0 && now - d > 0) {
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

    /** A Unix-domain input stream with the idle timeout the channel itself lacks. */
    private static final class UnixInput extends InputStream {
        private final InputStream in;
        private final ConnectionTask task;

        UnixInput(InputStream in, ConnectionTask task) {
            this.in = in;
            this.task = task;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long idle = task.idleNanos;
            if (idle > 0) {
                task.deadline = System.nanoTime() + idle;
            }
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                if (task.expired) {
                    throw new SocketTimeoutException("no data for " + Duration.ofNanos(idle) + "; connection closed");
                }
                throw e;
            } finally {
                task.deadline = 0;
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            task.close();
        }
    }
}
