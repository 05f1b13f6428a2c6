package io.inetkit.net;

import io.inetkit.socket.Address;
import io.inetkit.socket.Family;
import io.inetkit.socket.Kind;
import io.inetkit.socket.Shutdown;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connected Unix-domain stream socket dressed as a {@link java.net.Socket}, so the protocol
 * clients (and TLS layered on top) use it unchanged.
 *
 * <p>WHY: {@code java.net.Socket} cannot do AF_UNIX and a {@code SocketChannel}'s adaptor is
 * refused for Unix-domain channels; {@link io.inetkit.socket.Socket} can, with real timeouts.
 * Its Python timeout applies to sends too, so a peer that stops reading for longer than the read
 * timeout fails a write as well (a plain TCP socket would block).
 *
 * <p>{@link #getInetAddress()} is null and the ports are 0, as for curl; the addresses are
 * {@link UnixDomainSocketAddress}es. Methods without meaning here (bind, connect, TCP options)
 * throw {@link SocketException} or do nothing ({@link #setTcpNoDelay}).
 */
final class UnixDomainSocket extends Socket {
    private final io.inetkit.socket.Socket socket;
    private final Path path;
    private final InputStream in;
    private final OutputStream out;
    private volatile int soTimeoutMillis;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;

    private UnixDomainSocket(io.inetkit.socket.Socket socket, Path path) throws SocketException {
        super((SocketImpl) null); // no TCP implementation (and no descriptor) behind this object
        this.socket = socket;
        this.path = path;
        // java.net.Socket's streams close the socket when closed; callers rely on that
        this.in = new FilterInputStream(socket.inputStream()) {
            @Override
            public void close() {
                UnixDomainSocket.this.close();
            }
        };
        this.out = new FilterOutputStream(socket.outputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // not FilterOutputStream's byte by byte
            }

            @Override
            public void close() {
                UnixDomainSocket.this.close();
            }
        };
    }

    /**
     * Connects to the socket file.
     *
     * @param path the socket file
     * @param connectMillis the connect timeout, 0 for none
     * @return the connected socket, blocking without a read timeout
     * @throws IOException the socket package's {@code ConnectFailedException} or {@code TimedOutException}
     */
    static UnixDomainSocket connect(Path path, int connectMillis) throws IOException {
        io.inetkit.socket.Socket s = io.inetkit.socket.Socket.open(Family.UNIX, Kind.STREAM);
        try {
            s.setTimeout(connectMillis > 0 ? Duration.ofMillis(connectMillis) : null);
            s.connect(new Address.Unix(path));
            s.setTimeout(null);
            return new UnixDomainSocket(s, path);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Dresses an already connected Unix stream socket, e.g. one a server accepted.
     *
     * @param connected a connected UNIX STREAM socket; closing the result closes it
     * @param peer the path reported as the remote address
     * @return the adapter
     * @throws SocketException never in practice (the JDK's constructor declares it)
     */
    static UnixDomainSocket of(io.inetkit.socket.Socket connected, Path peer) throws SocketException {
        if (connected.family() != Family.UNIX || !connected.isConnected()) {
            throw new IllegalArgumentException("needs a connected UNIX socket, got " + connected);
        }
        return new UnixDomainSocket(connected, peer);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ensureOpen();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        ensureOpen();
        return out;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be 0 or more, got " + timeout);
        }
        ensureOpen();
        try {
            socket.setTimeout(timeout == 0 ? null : Duration.ofMillis(timeout));
        } catch (IOException e) {
            throw (SocketException) new SocketException("cannot set the timeout on " + this).initCause(e);
        }
        soTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() throws SocketException {
        ensureOpen();
        return soTimeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // no Nagle on a Unix-domain socket: nothing to switch off
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void shutdownInput() throws IOException {
        ensureOpen();
        socket.shutdown(Shutdown.READ);
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        ensureOpen();
        socket.shutdown(Shutdown.WRITE);
        outputShutdown = true;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public boolean isConnected() {
        return true; // only connected sockets are made
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return UnixDomainSocketAddress.of(path);
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return UnixDomainSocketAddress.of(""); // a client never binds: the unnamed address
    }

    @Override
    public InetAddress getInetAddress() {
        return null;
    }

    @Override
    public InetAddress getLocalAddress() {
        return null;
    }

    @Override
    public int getPort() {
        return 0;
    }

    @Override
    public int getLocalPort() {
        return 0;
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        throw unsupported("SO_KEEPALIVE");
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        throw unsupported("SO_LINGER");
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        throw unsupported("SO_RCVBUF");
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        throw unsupported("SO_SNDBUF");
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw unsupported("urgent data");
    }

    @Override
    public <T> Socket setOption(java.net.SocketOption<T> name, T value) throws IOException {
        throw unsupported(String.valueOf(name));
    }

    @Override
    public <T> T getOption(java.net.SocketOption<T> name) throws IOException {
        throw unsupported(String.valueOf(name));
    }

    @Override
    public java.util.Set<java.net.SocketOption<?>> supportedOptions() {
        return java.util.Set.of();
    }

    private SocketException unsupported(String what) {
        return new SocketException(what + " is not supported by this Unix-domain socket adapter (" + path + ")");
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("already connected to the Unix socket " + path);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("a connected Unix socket cannot be bound");
    }

    @Override
    public String toString() {
        return "UnixDomainSocket[" + path + (isClosed() ? ", closed]" : "]");
    }

    private void ensureOpen() throws SocketException {
        if (socket.isClosed()) {
            throw new SocketException("Socket is closed");
        }
    }
}
