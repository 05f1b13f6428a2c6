package io.inetkit.socket;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;

/**
 * A BSD socket with Python's {@code socket} semantics, over NIO channels. See the package
 * documentation for the table of Python names.
 *
 * <p><b>Timeouts</b> work as in Python: {@code null} (the default) blocks; {@link Duration#ZERO}
 * never waits and fails with {@link WouldBlockException}; a positive timeout fails with
 * {@link TimedOutException} once it has passed. A blocking socket uses a blocking channel (cheap
 * in virtual threads, which the JDK parks); a socket with a timeout uses a non-blocking channel
 * and a selector opened on first wait. Changing the timeout waits until operations in progress
 * on other threads end.
 *
 * <p><b>STREAM sockets</b> hold a client channel until {@link #listen(int)}, which swaps in a
 * server channel bound to the same address (the JDK cannot turn one into the other). Options set
 * before carry over where the server channel supports them.
 *
 * <p><b>Threads.</b> One thread may receive while another sends; {@link #close()} from another
 * thread ends a blocked operation with {@link SocketClosedException}. No method pins a virtual
 * thread (locks are {@link java.util.concurrent.locks.ReentrantLock}s).
 */
public final class Socket implements AutoCloseable {
    private final SocketCore core;
    private final Binding binding;
    private final Connecting connecting;
    private final Transfer transfer;
    private final Memberships memberships;

    Socket(SocketCore core) {
        this.core = core;
        this.binding = new Binding(core);
        this.connecting = new Connecting(core);
        this.transfer = new Transfer(core);
        this.memberships = new Memberships(core);
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
        return new Socket(kind == Kind.STREAM
                ? new SocketCore(family, kind, SocketChannel.open(family.protocolFamily()), null)
                : new SocketCore(family, kind, null, DatagramChannel.open(family.protocolFamily())));
    }

    /**
     * The address family.
     *
     * @return the family given to {@link #open}
     */
    public Family family() {
        return core.family;
    }

    /**
     * The socket kind.
     *
     * @return the kind given to {@link #open}
     */
    public Kind kind() {
        return core.kind;
    }

    /**
     * Binds to a local address: Python's {@code bind}. For a UNIX socket, a stale socket file
     * left by a dead server (nobody accepts a connection on it) is removed first; a live
     * server's file, or a file that is not a socket, makes the bind fail and is never deleted.
     * The socket deletes the file it created when it closes.
     *
     * @param address where to bind; port 0 picks a free port
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is already bound or listening
     * @throws IOException if the address is in use or not available ({@link SocketFailureException}
     *     with {@link Errno#EADDRINUSE}, {@link Errno#EADDRNOTAVAIL}...), or a file is in the way
     *     ({@link java.net.BindException})
     */
    public void bind(Address address) throws IOException {
        binding.bind(address);
    }

    /**
     * Starts listening: Python's {@code listen}. An unbound socket first binds to the wildcard
     * address and a free port (UNIX: a fresh path in the temporary directory). The JDK binds and
     * listens in one step, so a socket bound with {@link #bind} is re-bound to the same address
     * here: for a fixed port another process could take it in that instant
     * ({@link Sockets#createServer} has no such gap). If the re-bind fails the socket is closed.
     *
     * @param backlog the queue of connections not yet accepted, at least 1
     * @throws IllegalArgumentException if backlog is below 1
     * @throws IllegalStateException on a DGRAM socket or a connected or listening one
     * @throws IOException if the address cannot be bound
     */
    public void listen(int backlog) throws IOException {
        binding.listen(backlog);
    }

    /** Bind and listen in one step, for {@link Sockets#createServer}. */
    void bindAndListen(Address address, int backlog) throws IOException {
        binding.bindAndListen(address, backlog);
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
        return binding.accept();
    }

    /**
     * Connects: Python's {@code connect}. A DGRAM socket only sets (or changes) its default
     * peer. A non-blocking socket starts the connection and throws {@link WouldBlockException}
     * with {@link Errno#EINPROGRESS}; calling again finishes it, waiting per the timeout then in
     * force (or throws with {@link Errno#EALREADY} while still non-blocking and pending). After
     * a refused or failed connect the socket can connect again: it keeps its options but not
     * its bound address.
     *
     * @param address the peer
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is listening or already connected
     * @throws ConnectFailedException if refused, unreachable... (message like
     *     {@code connection refused: 127.0.0.1:1234})
     * @throws TimedOutException if not connected within the timeout
     * @throws WouldBlockException if non-blocking and not connected yet
     * @throws IOException if the socket is closed
     */
    public void connect(Address address) throws IOException {
        connecting.connect(address);
    }

    /**
     * Connects and reports the outcome as a code: Python's {@code connect_ex}. It never throws
     * for a network failure: {@link Errno#OK}, {@link Errno#ECONNREFUSED}, {@link Errno#ENOENT}
     * (no such UNIX path), {@link Errno#EHOSTUNREACH}, {@link Errno#ENETUNREACH},
     * {@link Errno#ETIMEDOUT} (also when this socket's timeout expires, where CPython says
     * EAGAIN), {@link Errno#EINPROGRESS}/{@link Errno#EALREADY} when non-blocking,
     * {@link Errno#EISCONN} when already connected, {@link Errno#EBADF} when closed.
     *
     * @param address the peer
     * @return the outcome
     * @throws IllegalArgumentException if the address does not fit the family
     * @throws IllegalStateException if the socket is listening
     */
    public Errno connectEx(Address address) {
        return connecting.connectEx(address);
    }

    /**
     * Receives up to {@code bufsize} bytes: Python's {@code recv}. A STREAM socket returns an
     * empty array at end of stream; a DGRAM socket returns one datagram (cut to bufsize; an
     * empty datagram is an empty array).
     *
     * @param bufsize the most bytes to return, 0 or more
     * @return the bytes received; empty at end of stream
     * @throws IllegalStateException if a STREAM socket is not connected
     * @throws WouldBlockException if non-blocking and nothing is there
     * @throws TimedOutException if nothing arrived within the timeout
     * @throws IOException if the connection fails ({@link SocketFailureException} with its
     *     {@link Errno}) or the socket is closed ({@link SocketClosedException})
     */
    public byte[] recv(int bufsize) throws IOException {
        return transfer.recv(bufsize);
    }

    /**
     * Receives into a buffer: Python's {@code recv_into}. Fills from the position up to the
     * limit and advances the position.
     *
     * @param buffer where to put the bytes
     * @return the number of bytes received; 0 at end of stream (or for a full buffer)
     * @throws IOException as {@link #recv(int)}
     */
    public int recvInto(ByteBuffer buffer) throws IOException {
        return transfer.recvInto(buffer);
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
        return transfer.recvInto(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Receives data and its sender: Python's {@code recvfrom}. For a STREAM socket the sender
     * is the peer.
     *
     * @param bufsize the most bytes to return (a longer datagram is cut)
     * @return the bytes and who sent them
     * @throws IOException as {@link #recv(int)}
     */
    public Datagram recvFrom(int bufsize) throws IOException {
        return transfer.recvFrom(bufsize);
    }

    /**
     * Sends bytes: Python's {@code send}. A blocking STREAM socket sends them all; with a
     * timeout or non-blocking it may send fewer, but never none: when nothing fits it throws
     * {@link WouldBlockException} or {@link TimedOutException}. A DGRAM socket must be connected
     * and sends one datagram (the JDK sends no empty datagram on a connected channel: use
     * {@link #sendTo} for that).
     *
     * @param buffer the bytes from position to limit; the position advances
     * @return how many bytes were sent
     * @throws IllegalStateException if not connected
     * @throws IOException if the connection fails, times out or would block
     */
    public int send(ByteBuffer buffer) throws IOException {
        return transfer.send(buffer);
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
        return transfer.send(ByteBuffer.wrap(bytes, offset, length));
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
        transfer.sendAll(buffer);
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
        transfer.sendAll(ByteBuffer.wrap(bytes, offset, length));
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
        return transfer.sendTo(ByteBuffer.wrap(bytes), target);
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
        return transfer.sendTo(buffer, target);
    }

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
        transfer.shutdown(how);
    }

    /**
     * Closes the socket: Python's {@code close}. Idempotent. Operations blocked in other
     * threads end with {@link SocketClosedException}. A UNIX socket deletes the socket file it
     * created (unless the file was replaced since).
     */
    @Override
    public void close() {
        core.close();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return core.closed;
    }

    /**
     * Whether the socket listens for connections.
     *
     * @return true after {@link #listen(int)}, until closed
     */
    public boolean isListening() {
        return core.isListening();
    }

    /**
     * Whether the socket is connected (STREAM) or has a default peer (DGRAM).
     *
     * @return true if {@link #peerAddress()} would answer
     */
    public boolean isConnected() {
        return core.isConnected();
    }

    /**
     * The peer's address: Python's {@code getpeername}.
     *
     * @return the address this socket is connected to
     * @throws IllegalStateException if not connected
     * @throws IOException if the socket is closed
     */
    public Address peerAddress() throws IOException {
        return core.peerAddress();
    }

    /**
     * The local address: Python's {@code getsockname}. An unbound socket answers the wildcard
     * with port 0 ({@code 0.0.0.0:0}, {@code [::]:0}) or the unnamed UNIX address.
     *
     * @return the bound address
     * @throws IOException if the socket is closed
     */
    public Address localAddress() throws IOException {
        return core.localAddress();
    }

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
        core.setOption(option, value);
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
        return core.getOption(option);
    }

    /**
     * The timeout: Python's {@code gettimeout}.
     *
     * @return null for blocking, {@link Duration#ZERO} for non-blocking, or the timeout
     */
    public Duration timeout() {
        return core.timeout;
    }

    /**
     * Sets the timeout: Python's {@code settimeout}. See the class documentation.
     *
     * @param timeout null to block, {@link Duration#ZERO} for non-blocking, or a positive timeout
     * @throws IllegalArgumentException if negative
     * @throws IOException if the channel's mode cannot be changed
     */
    public void setTimeout(Duration timeout) throws IOException {
        core.setTimeout(timeout);
    }

    /**
     * Python's {@code setblocking}: true is {@code setTimeout(null)}, false is
     * {@code setTimeout(Duration.ZERO)}.
     *
     * @param blocking whether operations wait
     * @throws IOException if the channel's mode cannot be changed
     */
    public void setBlocking(boolean blocking) throws IOException {
        core.setTimeout(blocking ? null : Duration.ZERO);
    }

    /**
     * Python's {@code getblocking}: false only when the timeout is zero.
     *
     * @return whether operations may wait
     */
    public boolean isBlocking() {
        Duration t = core.timeout;
        return t == null || !t.isZero();
    }

    /**
     * The OS file descriptor: Python's {@code fileno}. The JDK keeps it internal, so this
     * returns it only when the JVM runs with {@code --add-opens java.base/sun.nio.ch=io.inetkit}
     * (or {@code =ALL-UNNAMED} on the class path). Otherwise, and after close, it returns -1.
     * No JVM flag is required for anything else. The number changes at {@link #listen(int)}
     * and after a failed connect, which replace the channel.
     *
     * @return the descriptor, or -1
     */
    public int fileno() {
        return core.fileno();
    }

    /**
     * Joins a multicast group on a DGRAM socket (Python: {@code IP_ADD_MEMBERSHIP}).
     *
     * @param group the multicast address
     * @param nif the interface to receive on
     * @throws IllegalArgumentException if the address is not multicast
     * @throws IllegalStateException on a STREAM socket, or if already a member
     * @throws IOException if the system refuses
     */
    public void joinGroup(InetAddress group, NetworkInterface nif) throws IOException {
        memberships.join(group, nif);
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
        memberships.leave(group, nif);
    }

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

    /** Family, kind and addresses, for logs: {@code Socket[INET STREAM 127.0.0.1:5000 -> 127.0.0.1:80]}. */
    @Override
    public String toString() {
        return core.toString();
    }
}
