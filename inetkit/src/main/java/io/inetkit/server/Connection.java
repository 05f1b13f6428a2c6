package io.inetkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One accepted stream connection (TCP, TLS over TCP, or Unix-domain), handed to a
 * {@link ConnectionHandler}. Reads return what one read of the socket returns (nothing is
 * buffered or hidden); writes go straight to the socket, so wrap {@link #output()} in a
 * {@link java.io.BufferedOutputStream} to batch small writes. A read that gets no data, or a
 * write the peer does not take, for the idle timeout fails with a
 * {@link java.net.SocketTimeoutException} and the connection is closed (checked a few times
 * per timeout, so it fires up to a quarter later, at most 0.5 s).
 *
 * <p>The server closes the connection after the handler's {@code finish}.
 */
public final class Connection {
    private final ConnectionTask task;
    private final SocketChannel channel;
    private final Socket socket;
    private final SSLSession session;
    private final SocketAddress peer;
    private final SocketAddress local;
    // Plain connections create their streams on first use: read() and write() go straight to
    // the channel, so a handler that never asks for the streams saves four objects per connection.
    // Racy on purpose: two threads may each create a stream; both are stateless wrappers.
    private InputStream input;
    private OutputStream output;

    /** A plain (TCP or Unix) connection: reads and writes go to the channel. */
    Connection(ConnectionTask task, SocketChannel channel, SocketAddress peer, SocketAddress local) {
        this.task = task;
        this.channel = channel;
        this.socket = null;
        this.session = null;
        this.peer = peer;
        this.local = local;
    }

    /** A TLS connection: reads and writes go through the TLS socket's streams. */
    Connection(ConnectionTask task, SocketChannel channel, Socket socket, InputStream input, OutputStream output,
            SSLSession session, SocketAddress peer, SocketAddress local) {
        this.task = task;
        this.channel = channel;
        this.socket = socket;
        this.input = input;
        this.output = output;
        this.session = session;
        this.peer = peer;
        this.local = local;
    }

    /** {@return the input stream: each read returns what one read of the socket returns} */
    public InputStream input() {
        InputStream in = input;
        if (in == null) {
            in = new WatchedStreams.Input(Channels.newInputStream(channel), task);
            input = in;
        }
        return in;
    }

    /** {@return the output stream: unbuffered, each write is sent at once} */
    public OutputStream output() {
        OutputStream out = output;
        if (out == null) {
            out = new WatchedStreams.Output(Channels.newOutputStream(channel), task);
            output = out;
        }
        return out;
    }

    /**
     * Reads what is available, waiting for at least one byte (up to the idle timeout).
     *
     * @param buffer where to put the bytes
     * @return the number of bytes read, or -1 when the peer closed its side
     * @throws IOException when reading fails or times out
     */
    public int read(byte[] buffer) throws IOException {
        return read(buffer, 0, buffer.length);
    }

    /**
     * Reads what is available into part of a buffer, waiting for at least one byte.
     *
     * @param buffer where to put the bytes
     * @param offset the first index to fill
     * @param length the most bytes to read
     * @return the number of bytes read, or -1 when the peer closed its side
     * @throws IOException when reading fails or times out
     */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (socket != null) {
            return input.read(buffer, offset, length);
        }
        // WHY straight to the channel: a virtual thread parked in a read keeps every frame
        // below the park point in its heap stack chunk. Skipping the stream wrappers (three
        // frames) makes each idle connection's chunk smaller and each read a little cheaper.
        ByteBuffer dst = ByteBuffer.wrap(buffer, offset, length);
        long idle = task.armRead();
        try {
            return channel.read(dst);
        } catch (IOException e) {
            if (task.expired()) {
                throw new SocketTimeoutException("no data for " + Duration.ofNanos(idle) + "; connection closed");
            }
            throw e;
        } finally {
            task.disarmRead();
        }
    }

    /**
     * Writes all bytes.
     *
     * @param bytes the bytes to send
     * @throws IOException when writing fails
     */
    public void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /**
     * Writes part of a buffer, all of it.
     *
     * @param bytes the buffer
     * @param offset the first index to send
     * @param length how many bytes to send
     * @throws IOException when writing fails
     */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (socket != null) {
            output.write(bytes, offset, length);
            return;
        }
        ByteBuffer src = ByteBuffer.wrap(bytes, offset, length);
        long idle = task.armWrite();
        try {
            while (src.hasRemaining()) { // a blocking channel may write part and return
                channel.write(src);
            }
        } catch (IOException e) {
            if (task.expired()) {
                throw new SocketTimeoutException("peer read nothing for " + Duration.ofNanos(idle) + "; connection closed");
            }
            throw e;
        } finally {
            task.disarmWrite();
        }
    }

    /**
     * Closes the sending side (TCP FIN, or TLS close_notify) while reads go on.
     *
     * @throws IOException when the socket is closed
     */
    public void shutdownOutput() throws IOException {
        if (socket != null) {
            socket.shutdownOutput();
        } else {
            channel.shutdownOutput();
        }
    }

    /**
     * The underlying channel, in blocking mode. For a TLS connection this is the raw transport:
     * reading or writing it directly would corrupt the TLS stream; use it for options only.
     *
     * @return the channel
     */
    public SocketChannel channel() {
        return channel;
    }

    /** {@return the peer's address (for Unix-domain peers usually an unnamed address)} */
    public SocketAddress peerAddress() {
        return peer;
    }

    /** {@return the local address the connection arrived on} */
    public SocketAddress localAddress() {
        return local;
    }

    /** {@return the TLS session, when the listener serves TLS} */
    public Optional<SSLSession> tlsSession() {
        return Optional.ofNullable(session);
    }

    /** {@return whether the connection is encrypted with TLS} */
    public boolean isSecure() {
        return session != null;
    }

    /** {@return how long a read or write may wait; zero means for ever} */
    public Duration idleTimeout() {
        return task.idleTimeout();
    }

    /**
     * Changes how long each later read or write may wait, e.g. longer after a login. The
     * server checks deadlines at a pace set by the configured timeout, so a much shorter
     * timeout here fires late.
     *
     * @param timeout the new idle timeout; zero waits for ever
     */
    public void setIdleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE || (!timeout.isZero() && timeout.toMillis() == 0)) {
            throw new IllegalArgumentException("idle timeout must be 0 or between 1 and " + Integer.MAX_VALUE + " ms, got " + timeout);
        }
        task.setIdleTimeout(timeout);
    }

    /** {@return whether the connection is still open} */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Closes the connection now (the server would close it after {@code finish} anyway).
     *
     * @throws IOException when closing fails
     */
    public void close() throws IOException {
        task.close();
    }

    @Override
    public String toString() {
        return "Connection[" + peer + " -> " + local + (session != null ? ", " + session.getProtocol() : "") + "]";
    }
}
