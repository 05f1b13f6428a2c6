package io.inetkit.socket;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A BSD socket with Python's {@code socket} semantics, over NIO channels. See the package
 * documentation for the table of Python names.
 *
 * <p><b>Timeouts</b> work as in Python: {@code null} (the default) blocks; {@link Duration#ZERO}
 * never waits and fails with {@link WouldBlockException}; a positive timeout fails with
 * {@link TimedOutException} once it has passed. A blocking socket uses a blocking channel (cheap
 * in virtual threads); a socket with a timeout uses a non-blocking channel and a selector opened
 * on first wait. Changing the timeout waits until operations in progress on other threads end.
 *
 * <p><b>Streams.</b> A STREAM socket holds a client channel until {@link #listen(int)}, which
 * swaps in a server channel bound to the same address (the JDK cannot turn one into the
 * other). Options set before are applied to the new channel where it supports them.
 *
 * <p>All methods may be called from several (virtual) threads: one may receive while another
 * sends; {@link #close()} from another thread ends a blocked operation with
 * {@link SocketClosedException}.
 */
public final class Socket implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Socket.class.getName());

    private final Family family;
    private final Kind kind;
    private final DatagramChannel datagram;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Waiter readWaiter = new Waiter();
    private final Waiter writeWaiter = new Waiter();
    private final Map<Option<?>, Object> userOptions = new LinkedHashMap<>(); // stateLock
    private final Map<Membership, MembershipKey> memberships = new HashMap<>(); // stateLock
    private volatile SocketChannel stream;
    private volatile ServerSocketChannel server;
    private volatile Duration timeout;
    private volatile boolean closed;
    private Path ownSocketFile; // stateLock
    private Object ownSocketFileKey; // stateLock

    private record Membership(InetAddress group, NetworkInterface nif) {
    }

    /** One non-blocking attempt at an operation: null means "not ready, wait and retry". */
    private interface Step<R> {
        R attempt() throws IOException;
    }

    private Socket(Family family, Kind kind, SocketChannel stream, DatagramChannel datagram) {
        this.family = family;
        this.kind = kind;
        this.stream = stream;
        this.datagram = datagram;
    }

    /**
     * Opens a socket: Python's {@code socket.socket(family, type)}. It is blocking (timeout null).
     *
     * @param family INET, INET6 or UNIX
     * @param kind STREAM or DGRAM
     * @return the new, unbound socket
     * @throws IOException if the system refuses a new socket
     * @throws UnsupportedOperationException for UNIX DGRAM, which the JDK does not offer
     */
    public static Socket open(Family family, Kind kind) throws IOException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(kind, "kind");
        if (family == Family.UNIX && kind == Kind.DGRAM) {
            throw new UnsupportedOperationException("UNIX DGRAM sockets are not available: the JDK has no "
                    + "Unix-domain datagram channel; use UNIX STREAM, or INET/INET6 DGRAM");
        }
        return kind == Kind.STREAM
                ? new Socket(family, kind, SocketChannel.open(family.protocolFamily()), null)
                : new Socket(family, kind, null, DatagramChannel.open(family.protocolFamily()));
    }

    /**
     * The address family.
     *
     * @return the family given to {@link #open}
     */
    public Family family() {
        return family;
    }

    /**
     * The socket kind.
     *
     * @return the kind given to {@link #open}
     */
    public Kind kind() {
        return kind;
    }

    // ---------------------------------------------------------------- bind, listen, accept

    /**
     * Binds to a local address: Python's {@code bind}. For a UNIX socket, a stale socket file
     * left by a dead server is removed first; a live server's file, or a file that is not a
     * socket, makes the bind fail and is never deleted. The socket deletes the file it created
     * when it closes.
     *
     * @param address where to bind; port 0 picks a free port
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is already bound or listening
     * @throws IOException if the address is in use or not available
     */
    public void bind(Address address) throws IOException {
        checkFamily(address, "bind");
        stateLock.lock();
        try {
            ensureOpen();
            NetworkChannel ch = current();
            if (server != null || ch.getLocalAddress() != null) {
                throw new IllegalStateException("socket is already bound to " + localAddress());
            }
            if (address instanceof Address.Unix u) {
                UnixPaths.clearStale(u.path());
            }
            try {
                ch.bind(address.toJava());
            } catch (IOException e) {
                throw bindFailure(e, address);
            }
            rememberSocketFile(ch);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Starts listening: Python's {@code listen}. An unbound socket binds to the wildcard address
     * and a free port (UNIX: a fresh path in the temporary directory) first. The JDK binds and
     * listens in one step, so a socket bound with {@link #bind} is re-bound to the same address
     * here; for a fixed port, another process could take it in that instant
     * ({@link Sockets#createServer} has no such gap).
     *
     * @param backlog the queue of connections not yet accepted, at least 1
     * @throws IllegalArgumentException if backlog is below 1
     * @throws IllegalStateException on a DGRAM socket or a connected or listening one
     * @throws IOException if the address cannot be bound
     */
    public void listen(int backlog) throws IOException {
        stateLock.lock();
        try {
            checkCanListen(backlog);
            SocketAddress where = stream.getLocalAddress();
            listenAt(where, backlog);
        } finally {
            stateLock.unlock();
        }
    }

    /** Bind and listen in one step, without the re-bind gap of {@link #listen}. */
    void bindAndListen(Address address, int backlog) throws IOException {
        checkFamily(address, "bind");
        stateLock.lock();
        try {
            checkCanListen(backlog);
            if (stream.getLocalAddress() != null) {
                throw new IllegalStateException("socket is already bound to " + localAddress());
            }
            if (address instanceof Address.Unix u) {
                UnixPaths.clearStale(u.path());
            }
            listenAt(address.toJava(), backlog);
        } finally {
            stateLock.unlock();
        }
    }

    private void checkCanListen(int backlog) throws IOException {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        if (kind != Kind.STREAM) {
            throw new IllegalStateException("listen needs a STREAM socket; this socket is " + family + " DGRAM");
        }
        ensureOpen();
        if (server != null) {
            throw new IllegalStateException("socket is already listening on " + localAddress());
        }
        if (stream.isConnected() || stream.isConnectionPending()) {
            throw new IllegalStateException("a connected socket cannot listen");
        }
    }

    /** Replaces the client channel with a listening server channel at {@code where} (null: any). */
    private void listenAt(SocketAddress where, int backlog) throws IOException {
        ServerSocketChannel srv = ServerSocketChannel.open(family.protocolFamily());
        try {
            OptionSupport.replay(srv, family, userOptions, true, describe());
            SocketChannel placeholder = stream;
            placeholder.close();
            removeOwnSocketFile();
            try {
                srv.bind(where, backlog);
            } catch (IOException e) {
                throw bindFailure(e, where == null ? null : Address.of(where));
            }
            srv.configureBlocking(timeout == null);
        } catch (IOException | RuntimeException e) {
            srv.close();
            close(); // the placeholder is gone: this socket cannot be used any more
            throw e;
        }
        server = srv;
        stream = null;
        rememberSocketFile(srv);
        readWaiter.release(); // drop selector keys of the placeholder channel
        writeWaiter.release();
    }

    /**
     * Accepts a connection: Python's {@code accept}. The new socket is blocking (timeout null),
     * whatever this socket's timeout.
     *
     * @return the connected socket and the client's address
     * @throws IllegalStateException if the socket is not listening
     * @throws WouldBlockException if non-blocking and no connection is waiting
     * @throws TimedOutException if none arrived within the timeout
     * @throws IOException if the socket is closed or the system fails
     */
    public Accepted accept() throws IOException {
        ServerSocketChannel srv = server;
        if (srv == null) {
            ensureOpen();
            throw new IllegalStateException("accept needs a listening socket; call listen first");
        }
        SocketChannel ch;
        try {
            ch = io("accept", srv, SelectionKey.OP_ACCEPT, readWaiter, Deadline.start(timeout), srv::accept);
        } catch (IOException e) {
            throw failure("accept", e);
        }
        try {
            ch.configureBlocking(true);
            Address peer = Address.of(ch.getRemoteAddress());
            return new Accepted(new Socket(family, Kind.STREAM, ch, null), peer);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- connect

    /**
     * Connects: Python's {@code connect}. A DGRAM socket only sets its default peer. A
     * non-blocking socket starts the connection and throws {@link WouldBlockException} with
     * {@link Errno#EINPROGRESS}; calling again finishes it (or throws with
     * {@link Errno#EALREADY} while it is still pending). After a failed connect the socket can
     * connect again (with the options set so far, but unbound).
     *
     * @param address the peer
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is listening or already connected
     * @throws ConnectFailedException if refused, unreachable...
     * @throws TimedOutException if not connected within the timeout
     * @throws WouldBlockException if non-blocking and not connected yet
     * @throws IOException if the socket is closed
     */
    public void connect(Address address) throws IOException {
        checkFamily(address, "connect");
        if (kind == Kind.DGRAM) {
            connectDatagram(address);
            return;
        }
        SocketChannel ch;
        stateLock.lock();
        try {
            ensureOpen();
            if (server != null) {
                throw new IllegalStateException("a listening socket cannot connect");
            }
            ch = stream;
            if (ch.isConnected()) {
                throw new IllegalStateException("socket is already connected to " + peerAddress());
            }
        } finally {
            stateLock.unlock();
        }
        Deadline deadline = Deadline.start(timeout);
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
                io(what, ch, SelectionKey.OP_CONNECT, writeWaiter, deadline,
                        () -> ch.finishConnect() ? Boolean.TRUE : null);
            }
        } catch (WouldBlockException | TimedOutException e) {
            throw e;
        } catch (IOException e) {
            throw connectFailure(e, address);
        }
    }

    /**
     * Connects and reports the outcome as a code: Python's {@code connect_ex}. It never throws
     * for a network failure: {@link Errno#OK}, {@link Errno#ECONNREFUSED},
     * {@link Errno#ETIMEDOUT} (also when this socket's timeout expires; CPython says EAGAIN
     * there), {@link Errno#EINPROGRESS}/{@link Errno#EALREADY} when non-blocking,
     * {@link Errno#EISCONN} when already connected, {@link Errno#EBADF} when closed...
     *
     * @param address the peer
     * @return the outcome
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is listening
     */
    public Errno connectEx(Address address) {
        checkFamily(address, "connect");
        if (kind == Kind.STREAM && !closed) {
            SocketChannel ch = stream;
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
        stateLock.lock();
        try {
            ensureOpen();
            if (datagram.isConnected()) {
                datagram.disconnect();
            }
            datagram.connect(address.toJava());
        } catch (IOException e) {
            throw connectFailure(e, address);
        } finally {
            stateLock.unlock();
        }
    }

    private IOException connectFailure(IOException e, Address address) {
        if (e instanceof ClosedChannelException && closed) {
            return failure("connect", e);
        }
        IOException result = e instanceof ConnectFailedException ? e
                : new ConnectFailedException(Errno.fromException(e), address, e);
        reopenAfterFailedConnect();
        return result;
    }

    /** NIO closes a channel whose connect failed; Python's socket stays usable, so get a new one. */
    private void reopenAfterFailedConnect() {
        stateLock.lock();
        try {
            SocketChannel old = stream;
            if (closed || kind != Kind.STREAM || old == null || old.isOpen()) {
                return;
            }
            SocketChannel fresh = SocketChannel.open(family.protocolFamily());
            try {
                OptionSupport.replay(fresh, family, userOptions, true, describe());
                fresh.configureBlocking(timeout == null);
            } catch (IOException | RuntimeException e) {
                fresh.close();
                throw e;
            }
            stream = fresh;
            readWaiter.release();
            writeWaiter.release();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot reopen socket after failed connect", e);
        } finally {
            stateLock.unlock();
        }
    }

    // ---------------------------------------------------------------- receive

    /**
     * Receives up to {@code bufsize} bytes: Python's {@code recv}. A STREAM socket returns an
     * empty array at end of stream; a DGRAM socket returns one datagram (truncated to bufsize).
     *
     * @param bufsize the most bytes to return, 0 or more
     * @return the bytes received; empty at end of stream
     * @throws IllegalStateException if a STREAM socket is not connected
     * @throws WouldBlockException if non-blocking and nothing is there
     * @throws TimedOutException if nothing arrived within the timeout
     * @throws IOException if the connection fails or the socket is closed
     */
    public byte[] recv(int bufsize) throws IOException {
        if (bufsize < 0) {
            throw new IllegalArgumentException("bufsize must not be negative, got " + bufsize);
        }
        ByteBuffer buffer = ByteBuffer.allocate(bufsize);
        int n = recvInto(buffer);
        return Arrays.copyOf(buffer.array(), n);
    }

    /**
     * Receives into a buffer: Python's {@code recv_into}. Fills from the position up to the
     * limit and advances the position.
     *
     * @param buffer where to put the bytes
     * @return the number of bytes received; 0 at end of stream (or for an empty buffer)
     * @throws IOException as {@link #recv(int)}
     */
    public int recvInto(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot receive into a read-only buffer");
        }
        if (kind == Kind.DGRAM) {
            int start = buffer.position();
            receiveDatagram(buffer, "recv");
            return buffer.position() - start;
        }
        SocketChannel ch = connectedStream("recv");
        if (!buffer.hasRemaining()) {
            return 0;
        }
        try {
            int n = io("recv", ch, SelectionKey.OP_READ, readWaiter, Deadline.start(timeout), () -> {
                int r = ch.read(buffer);
                return r == 0 ? null : r;
            });
            return Math.max(n, 0);
        } catch (IOException e) {
            throw failure("recv", e);
        }
    }

    /**
     * Receives into part of an array: Python's {@code recv_into(buffer, nbytes)}.
     *
     * @param bytes the array
     * @param offset where to start
     * @param length the most bytes to receive
     * @return the number of bytes received; 0 at end of stream
     * @throws IOException as {@link #recv(int)}
     */
    public int recvInto(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return recvInto(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Receives data and its sender: Python's {@code recvfrom}. For a STREAM socket the sender
     * is the peer.
     *
     * @param bufsize the most bytes to return (a longer datagram is truncated)
     * @return the bytes and who sent them
     * @throws IOException as {@link #recv(int)}
     */
    public Datagram recvFrom(int bufsize) throws IOException {
        if (bufsize < 0) {
            throw new IllegalArgumentException("bufsize must not be negative, got " + bufsize);
        }
        if (kind == Kind.STREAM) {
            byte[] data = recv(bufsize);
            return new Datagram(data, peerAddress());
        }
        ByteBuffer buffer = ByteBuffer.allocate(bufsize);
        SocketAddress from = receiveDatagram(buffer, "recvFrom");
        return new Datagram(Arrays.copyOf(buffer.array(), buffer.position()), Address.of(from));
    }

    private SocketAddress receiveDatagram(ByteBuffer buffer, String op) throws IOException {
        ensureOpen();
        DatagramChannel ch = datagram;
        try {
            return io(op, ch, SelectionKey.OP_READ, readWaiter, Deadline.start(timeout), () -> ch.receive(buffer));
        } catch (IOException e) {
            throw failure(op, e);
        }
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends bytes: Python's {@code send}. A blocking STREAM socket sends them all; with a
     * timeout or non-blocking it may send fewer (never zero: if nothing fits it throws
     * {@link WouldBlockException} or {@link TimedOutException}). A DGRAM socket must be
     * connected and sends one datagram.
     *
     * @param buffer the bytes from position to limit; the position advances
     * @return how many bytes were sent
     * @throws IllegalStateException if not connected
     * @throws IOException if the connection fails, times out or would block
     */
    public int send(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (kind == Kind.DGRAM) {
            ensureOpen();
            SocketAddress peer = datagram.getRemoteAddress();
            if (peer == null) {
                throw new IllegalStateException("send on an unconnected DGRAM socket; connect first or use sendTo");
            }
            return sendDatagram(buffer, peer, "send", Deadline.start(timeout));
        }
        SocketChannel ch = connectedStream("send");
        if (!buffer.hasRemaining()) {
            return 0;
        }
        try {
            return writeSome(ch, buffer, Deadline.start(timeout), "send");
        } catch (IOException e) {
            throw failure("send", e);
        }
    }

    /**
     * Sends part of an array: Python's {@code send}.
     *
     * @param bytes the array
     * @param offset where to start
     * @param length how many bytes
     * @return how many bytes were sent
     * @throws IOException as {@link #send(ByteBuffer)}
     */
    public int send(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return send(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Sends a whole array: Python's {@code send}.
     *
     * @param bytes the bytes
     * @return how many bytes were sent
     * @throws IOException as {@link #send(ByteBuffer)}
     */
    public int send(byte[] bytes) throws IOException {
        return send(bytes, 0, bytes.length);
    }

    /**
     * Sends every byte: Python's {@code sendall}. The timeout bounds the whole call, not each
     * piece. If it fails part way, the message says how much was sent.
     *
     * @param buffer the bytes from position to limit; the position advances
     * @throws IOException if the connection fails, times out or would block
     */
    public void sendAll(ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        if (kind == Kind.DGRAM) {
            send(buffer);
            return;
        }
        SocketChannel ch = connectedStream("sendAll");
        Deadline deadline = Deadline.start(timeout);
        int total = buffer.remaining();
        try {
            while (buffer.hasRemaining()) {
                writeSome(ch, buffer, deadline, "sendAll");
            }
        } catch (WouldBlockException e) {
            throw new WouldBlockException(Errno.EAGAIN, "sendAll sent " + (total - buffer.remaining())
                    + " of " + total + " bytes; the rest would block");
        } catch (TimedOutException e) {
            throw new TimedOutException("sendAll timed out after " + deadline.describe() + " having sent "
                    + (total - buffer.remaining()) + " of " + total + " bytes");
        } catch (IOException e) {
            throw failure("sendAll", e);
        }
    }

    /**
     * Sends every byte of part of an array: Python's {@code sendall}.
     *
     * @param bytes the array
     * @param offset where to start
     * @param length how many bytes
     * @throws IOException as {@link #sendAll(ByteBuffer)}
     */
    public void sendAll(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        sendAll(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Sends every byte of an array: Python's {@code sendall}.
     *
     * @param bytes the bytes
     * @throws IOException as {@link #sendAll(ByteBuffer)}
     */
    public void sendAll(byte[] bytes) throws IOException {
        sendAll(bytes, 0, bytes.length);
    }

    /**
     * Sends one datagram to an address: Python's {@code sendto}.
     *
     * @param bytes the datagram
     * @param target where to send it
     * @return how many bytes were sent (all of them)
     * @throws IllegalStateException on a STREAM socket, or a DGRAM socket connected elsewhere
     * @throws IOException if it cannot be sent, times out or would block
     */
    public int sendTo(byte[] bytes, Address target) throws IOException {
        return sendTo(ByteBuffer.wrap(bytes), target);
    }

    /**
     * Sends one datagram to an address: Python's {@code sendto}.
     *
     * @param buffer the datagram, from position to limit
     * @param target where to send it
     * @return how many bytes were sent (all of them)
     * @throws IOException as {@link #sendTo(byte[], Address)}
     */
    public int sendTo(ByteBuffer buffer, Address target) throws IOException {
        Objects.requireNonNull(buffer, "buffer");
        checkFamily(target, "sendTo");
        if (kind != Kind.DGRAM) {
            throw new IllegalStateException("sendTo needs a DGRAM socket; use send on a STREAM socket");
        }
        ensureOpen();
        SocketAddress peer = datagram.getRemoteAddress();
        if (peer != null && !peer.equals(target.toJava())) {
            throw new IllegalStateException("DGRAM socket is connected to " + Address.of(peer)
                    + "; cannot sendTo " + target);
        }
        return sendDatagram(buffer, target.toJava(), "sendTo " + target, Deadline.start(timeout));
    }

    private int writeSome(SocketChannel ch, ByteBuffer buffer, Deadline deadline, String op) throws IOException {
        return io(op, ch, SelectionKey.OP_WRITE, writeWaiter, deadline, () -> {
            int n = ch.write(buffer);
            return n == 0 ? null : n;
        });
    }

    private int sendDatagram(ByteBuffer buffer, SocketAddress target, String op, Deadline deadline)
            throws IOException {
        DatagramChannel ch = datagram;
        int length = buffer.remaining();
        try {
            return io(op, ch, SelectionKey.OP_WRITE, writeWaiter, deadline, () -> {
                int n = ch.send(buffer, target);
                return n == 0 && length > 0 ? null : n;
            });
        } catch (IOException e) {
            throw failure(op, e);
        }
    }

    // ---------------------------------------------------------------- shutdown, close

    /**
     * Shuts down one or both directions of a connected STREAM socket: Python's
     * {@code shutdown}. After {@link Shutdown#WRITE} the peer reads end of stream and can still
     * send; the socket stays open until {@link #close()}.
     *
     * @param how which direction
     * @throws IllegalStateException if not a connected STREAM socket
     * @throws IOException if the system fails
     */
    public void shutdown(Shutdown how) throws IOException {
        Objects.requireNonNull(how, "how");
        if (kind != Kind.STREAM) {
            throw new IllegalStateException("shutdown needs a connected STREAM socket; this socket is DGRAM");
        }
        SocketChannel ch = connectedStream("shutdown");
        try {
            if (how != Shutdown.WRITE) {
                ch.shutdownInput();
            }
            if (how != Shutdown.READ) {
                ch.shutdownOutput();
            }
        } catch (IOException e) {
            throw failure("shutdown " + how, e);
        }
    }

    /**
     * Closes the socket: Python's {@code close}. Idempotent. Operations blocked in other
     * threads end with {@link SocketClosedException}. A UNIX socket deletes the socket file it
     * created (unless the file was replaced since).
     */
    @Override
    public void close() {
        stateLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(stream);
            closeQuietly(server);
            closeQuietly(datagram);
            memberships.clear();
            removeOwnSocketFile();
        } finally {
            stateLock.unlock();
        }
        // After the channels: wakes timed waiters, and the selector close frees the descriptors.
        try {
            readWaiter.close();
            writeWaiter.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing selector failed", e);
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Whether the socket listens for connections.
     *
     * @return true after {@link #listen(int)}, until closed
     */
    public boolean isListening() {
        return !closed && server != null;
    }

    /**
     * Whether the socket is connected (STREAM) or has a default peer (DGRAM).
     *
     * @return true if {@link #peerAddress()} would answer
     */
    public boolean isConnected() {
        if (closed) {
            return false;
        }
        if (kind == Kind.DGRAM) {
            return datagram.isConnected();
        }
        SocketChannel ch = stream;
        return ch != null && ch.isConnected();
    }

    // ---------------------------------------------------------------- addresses

    /**
     * The peer's address: Python's {@code getpeername}.
     *
     * @return the address this socket is connected to
     * @throws IllegalStateException if not connected
     * @throws IOException if the socket is closed
     */
    public Address peerAddress() throws IOException {
        ensureOpen();
        SocketChannel ch = stream;
        SocketAddress remote = kind == Kind.DGRAM ? datagram.getRemoteAddress()
                : ch == null ? null : ch.getRemoteAddress();
        if (remote == null) {
            throw new IllegalStateException("socket is not connected");
        }
        return Address.of(remote);
    }

    /**
     * The local address: Python's {@code getsockname}. An unbound socket answers the wildcard
     * with port 0 ({@code 0.0.0.0:0}, {@code [::]:0}) or the unnamed UNIX address.
     *
     * @return the bound address
     * @throws IOException if the socket is closed
     */
    public Address localAddress() throws IOException {
        ensureOpen();
        SocketAddress local = current().getLocalAddress();
        if (local != null) {
            return Address.of(local);
        }
        return switch (family) {
            case INET -> new Address.Inet(InetAddress.getByAddress(new byte[4]), 0);
            case INET6 -> new Address.Inet(InetAddress.getByAddress(new byte[16]), 0);
            case UNIX -> new Address.Unix(Path.of(""));
        };
    }

    // ---------------------------------------------------------------- options, timeout, fileno

    /**
     * Sets an option: Python's {@code setsockopt}. Options set before {@link #listen(int)} or
     * before a failed connect carry over to the channel that replaces the current one.
     *
     * @param option the option, from {@link Options}
     * @param value its value
     * @param <T> the value type
     * @throws UnsupportedOperationException if this socket or platform lacks the option
     * @throws IllegalArgumentException if the value is out of range
     * @throws IOException if the socket is closed or the system refuses
     */
    public <T> void setOption(Option<T> option, T value) throws IOException {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        stateLock.lock();
        try {
            ensureOpen();
            OptionSupport.set(current(), family, option, value, describe());
            userOptions.put(option, value);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Reads an option: Python's {@code getsockopt}.
     *
     * @param option the option, from {@link Options}
     * @param <T> the value type
     * @return its current value
     * @throws UnsupportedOperationException if this socket or platform lacks the option
     * @throws IOException if the socket is closed
     */
    public <T> T getOption(Option<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        ensureOpen();
        return OptionSupport.get(current(), family, option, describe());
    }

    /**
     * The timeout: Python's {@code gettimeout}.
     *
     * @return null for blocking, {@link Duration#ZERO} for non-blocking, or the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sets the timeout: Python's {@code settimeout}. See the class documentation.
     *
     * @param timeout null to block, {@link Duration#ZERO} for non-blocking, or a positive timeout
     * @throws IllegalArgumentException if negative
     * @throws IOException if the channel's mode cannot be changed
     */
    public void setTimeout(Duration timeout) throws IOException {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        stateLock.lock();
        try {
            this.timeout = timeout;
            if (closed) {
                return;
            }
            SelectableChannel ch = (SelectableChannel) current();
            boolean blocking = timeout == null;
            if (ch.isBlocking() != blocking) {
                if (blocking) {
                    readWaiter.release(); // a registered channel cannot turn blocking
                    writeWaiter.release();
                }
                ch.configureBlocking(blocking);
            }
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Python's {@code setblocking}: true is {@code setTimeout(null)}, false is
     * {@code setTimeout(Duration.ZERO)}.
     *
     * @param blocking whether operations wait
     * @throws IOException if the channel's mode cannot be changed
     */
    public void setBlocking(boolean blocking) throws IOException {
        setTimeout(blocking ? null : Duration.ZERO);
    }

    /**
     * Python's {@code getblocking}: false only when the timeout is zero.
     *
     * @return whether operations may wait
     */
    public boolean isBlocking() {
        Duration t = timeout;
        return t == null || !t.isZero();
    }

    /**
     * The OS file descriptor: Python's {@code fileno}. The JDK keeps it internal: this returns
     * it only when the JVM runs with {@code --add-opens java.base/sun.nio.ch=io.inetkit} (or
     * {@code =ALL-UNNAMED} on the class path); otherwise, and after close, it returns -1. It may
     * change at {@link #listen(int)}, which replaces the channel.
     *
     * @return the descriptor, or -1
     */
    public int fileno() {
        return closed ? -1 : Descriptors.of(current());
    }

    // ---------------------------------------------------------------- multicast

    /**
     * Joins a multicast group on a DGRAM socket (Python: {@code IP_ADD_MEMBERSHIP}).
     *
     * @param group the multicast address
     * @param nif the interface to receive on
     * @throws IllegalArgumentException if the address is not multicast
     * @throws IllegalStateException on a STREAM socket
     * @throws IOException if the system refuses
     */
    public void joinGroup(InetAddress group, NetworkInterface nif) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(nif, "nif");
        requireMulticast(group);
        stateLock.lock();
        try {
            ensureOpen();
            Membership m = new Membership(group, nif);
            if (memberships.containsKey(m)) {
                throw new IllegalStateException("already a member of " + group.getHostAddress() + " on " + nif.getName());
            }
            memberships.put(m, datagram.join(group, nif));
        } catch (IOException e) {
            throw failure("join multicast group " + group.getHostAddress() + " on " + nif.getName(), e);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Leaves a group joined with {@link #joinGroup} (Python: {@code IP_DROP_MEMBERSHIP}).
     *
     * @param group the multicast address
     * @param nif the interface it was joined on
     * @throws IllegalStateException if not a member
     * @throws IOException if the socket is closed
     */
    public void leaveGroup(InetAddress group, NetworkInterface nif) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(nif, "nif");
        requireMulticast(group);
        stateLock.lock();
        try {
            ensureOpen();
            MembershipKey key = memberships.remove(new Membership(group, nif));
            if (key == null) {
                throw new IllegalStateException("not a member of " + group.getHostAddress() + " on " + nif.getName());
            }
            key.drop();
        } finally {
            stateLock.unlock();
        }
    }

    private void requireMulticast(InetAddress group) {
        if (kind != Kind.DGRAM) {
            throw new IllegalStateException("multicast groups need a DGRAM socket");
        }
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast address");
        }
    }

    // ---------------------------------------------------------------- streams (makefile)

    /**
     * A byte stream that receives from this socket (Python: {@code makefile('rb')}). It follows
     * the socket's timeout; end of stream reads -1. Closing it leaves the socket open.
     *
     * @return a new unbuffered input stream
     */
    public InputStream inputStream() {
        return new SocketStreams.In(this);
    }

    /**
     * A byte stream that sends on this socket with {@link #sendAll} (Python:
     * {@code makefile('wb')}). Closing it leaves the socket open.
     *
     * @return a new unbuffered output stream
     */
    public OutputStream outputStream() {
        return new SocketStreams.Out(this);
    }

    /**
     * A buffered text reader (Python: {@code makefile('r', encoding=...)}). Its
     * {@code readLine} is not bounded: for untrusted peers use a bounded line reader.
     *
     * @param charset the text encoding
     * @return a new reader
     */
    public BufferedReader reader(Charset charset) {
        return new BufferedReader(new InputStreamReader(inputStream(), charset));
    }

    /**
     * A buffered text writer (Python: {@code makefile('w', encoding=...)}); call {@code flush}
     * to send.
     *
     * @param charset the text encoding
     * @return a new writer
     */
    public BufferedWriter writer(Charset charset) {
        return new BufferedWriter(new OutputStreamWriter(outputStream(), charset));
    }

    /** Family, kind and addresses, for logs. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Socket[").append(family).append(' ').append(kind);
        if (closed) {
            return s.append(" closed]").toString();
        }
        try {
            SocketAddress local = current().getLocalAddress();
            if (local != null) {
                s.append(' ').append(Address.of(local));
            }
            if (isListening()) {
                s.append(" listening");
            } else if (isConnected()) {
                s.append(" -> ").append(peerAddress());
            }
        } catch (IOException | RuntimeException e) {
            s.append(" ?");
        }
        return s.append(']').toString();
    }

    // ---------------------------------------------------------------- internals

    /** The channel this socket uses now (each kind is also a SelectableChannel). */
    private NetworkChannel current() {
        if (datagram != null) {
            return datagram;
        }
        ServerSocketChannel srv = server;
        return srv != null ? srv : stream;
    }

    /**
     * Runs a step; if it is not ready, waits per the deadline and retries. A blocking channel
     * just blocks inside the step.
     */
    private static <R> R io(String what, SelectableChannel ch, int ops, Waiter waiter, Deadline deadline,
            Step<R> step) throws IOException {
        R result = step.attempt();
        if (result != null || ch.isBlocking()) {
            return result;
        }
        if (deadline.nonBlocking()) {
            throw new WouldBlockException(Errno.EAGAIN, what + " would block");
        }
        while (true) {
            if (!waiter.await(ch, ops, deadline)) {
                throw new TimedOutException(what + " timed out after " + deadline.describe());
            }
            result = step.attempt();
            if (result != null) {
                return result;
            }
        }
    }

    private SocketChannel connectedStream(String op) throws IOException {
        ensureOpen();
        if (server != null) {
            throw new IllegalStateException(op + " on a listening socket; accept a connection first");
        }
        SocketChannel ch = stream;
        if (!ch.isConnected()) {
            throw new IllegalStateException(op + " needs a connected socket; call connect first");
        }
        return ch;
    }

    private void ensureOpen() throws SocketClosedException {
        if (closed) {
            throw new SocketClosedException("socket is closed");
        }
    }

    private void checkFamily(Address address, String op) {
        Objects.requireNonNull(address, "address");
        boolean fits = switch (family) {
            case UNIX -> address instanceof Address.Unix;
            case INET -> address instanceof Address.Inet i && i.host() instanceof Inet4Address;
            case INET6 -> address instanceof Address.Inet; // IPv4 works through the dual stack
        };
        if (!fits) {
            String need = switch (family) {
                case UNIX -> "a path";
                case INET -> "an IPv4 address";
                case INET6 -> "an IP address";
            };
            throw new IllegalArgumentException(op + ": " + (family == Family.UNIX ? "a " : "an ") + family
                    + " socket needs " + need + ", got " + address);
        }
    }

    /** "an INET STREAM socket", "a listening INET6 STREAM socket". */
    private String describe() {
        String article = family == Family.INET || family == Family.INET6 ? "an " : "a ";
        return server != null ? "a listening " + family + " " + kind + " socket"
                : article + family + " " + kind + " socket";
    }

    /** Turns JDK exceptions into this package's, with a message that says what failed. */
    private IOException failure(String op, IOException e) {
        return switch (e) {
            case WouldBlockException w -> w;
            case TimedOutException t -> t;
            case SocketClosedException c -> c;
            case ConnectFailedException c -> c;
            case SocketFailureException f -> f;
            case ClosedByInterruptException c -> new SocketClosedException(op + " was interrupted; the socket is closed");
            case AsynchronousCloseException c -> new SocketClosedException("socket closed by another thread during " + op);
            case ClosedChannelException c -> new SocketClosedException("socket is closed");
            case InterruptedIOException i -> i;
            default -> {
                Errno errno = Errno.fromException(e);
                yield new SocketFailureException(errno, op + peerSuffix() + " failed: " + errno.description()
                        + " (" + errno.name() + ")", e);
            }
        };
    }

    private String peerSuffix() {
        try {
            return isConnected() ? " (peer " + peerAddress() + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static IOException bindFailure(IOException e, Address address) {
        if (e instanceof BindException || e instanceof SocketFailureException) {
            Errno errno = Errno.fromException(e);
            return new SocketFailureException(errno, "cannot bind " + (address == null ? "" : address) + ": "
                    + errno.description() + " (" + errno.name() + ")", e);
        }
        if (e instanceof java.net.SocketException) {
            Errno errno = Errno.fromException(e);
            return new SocketFailureException(errno, "cannot bind " + address + ": " + errno.description()
                    + " (" + errno.name() + ")", e);
        }
        return e;
    }

    private void rememberSocketFile(NetworkChannel ch) throws IOException {
        if (family == Family.UNIX && ch.getLocalAddress() instanceof UnixDomainSocketAddress u
                && !u.getPath().toString().isEmpty()) {
            ownSocketFile = u.getPath();
            ownSocketFileKey = UnixPaths.fileKey(u.getPath());
        }
    }

    private void removeOwnSocketFile() {
        Path path = ownSocketFile;
        if (path == null) {
            return;
        }
        ownSocketFile = null;
        try {
            UnixPaths.removeOwn(path, ownSocketFileKey);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete socket file " + path, e);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing channel failed", e);
        }
    }
}
