package io.inetkit.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One connection of an {@link EventServer}, as its {@link StreamProtocol} sees it (asyncio's
 * transport): non-blocking writes with a bounded queue, close, pause and resume of reading.
 *
 * <p><b>Threads.</b> The connection belongs to one event-loop thread, which runs all its
 * callbacks. Called on that thread, {@link #write} writes to the socket at once, without a lock
 * or a queue. Every public method may also be called from any other thread: the call is then
 * handed to the loop (the data of a write is copied first) and takes effect there, in the order
 * of the calls.
 *
 * <p><b>Writes and backpressure.</b> A write sends what the socket takes at once; the rest is
 * copied into the connection's queue and sent when the socket is writable again. When more
 * than {@link ServerConfig#maxWriteQueueBytes()} wait, the connection stops reading (so a peer
 * that sends requests but never reads the replies cannot make the server hold more than that,
 * plus what one callback writes); reading resumes once the queue is empty. An idle connection
 * holds no buffer and no queue.
 *
 * <p><b>Ends.</b> {@link #close()} sends what is queued, then closes; {@link #abort()} closes
 * at once and drops the queue. Either way the protocol's {@link StreamProtocol#closed} runs
 * once, on the loop, after the current callback has returned (never in the middle of one).
 */
public final class EventConnection {
    // Flags, touched only by the loop thread.
    private static final int CONNECTED = 1;
    private static final int INPUT_ENDED = 1 << 1;
    private static final int PAUSED_BY_USER = 1 << 2;
    private static final int PAUSED_BY_QUEUE = 1 << 3;
    private static final int CLOSING = 1 << 4;
    private static final int SHUTDOWN_PENDING = 1 << 5;
    private static final int OUTPUT_SHUT = 1 << 6;
    /** The end is decided and scheduled; nothing is read or written any more. */
    private static final int ENDING = 1 << 7;
    private static final int NO_READ = INPUT_ENDED | PAUSED_BY_USER | PAUSED_BY_QUEUE | CLOSING | ENDING;
    private static final int NO_WRITE = CLOSING | SHUTDOWN_PENDING | OUTPUT_SHUT | ENDING;

    final EventLoop loop;
    final SocketChannel channel;
    final StreamProtocol protocol;
    private final SocketAddress peer;
    private final SocketAddress local;
    private SelectionKey key;
    /** The loop's list of its connections (for idle checks and shutdown), without a node object. */
    EventConnection prev;
    EventConnection next;
    /** The loop's clock at the last read or write progress. */
    long lastActivity;
    private int flags;
    /** Created on the first write the socket does not take at once; dropped when drained. */
    private ArrayDeque<ByteBuffer> queue;
    private int queued;
    private long received;
    private long sent;
    private Object attachment;
    /** Set once, by the loop; lets other threads see that writes are pointless. */
    private volatile boolean closed;

    EventConnection(EventLoop loop, SocketChannel channel, SocketAddress peer, SocketAddress local, StreamProtocol protocol) {
        this.loop = loop;
        this.channel = channel;
        this.peer = peer;
        this.local = local;
        this.protocol = protocol;
    }

    /** {@return the peer's address (also after the connection closed)} */
    public SocketAddress peerAddress() {
        return peer;
    }

    /** {@return this side's address (also after the connection closed)} */
    public SocketAddress localAddress() {
        return local;
    }

    /** {@return whether the connection is still open (it may be closing: writes are then refused)} */
    public boolean isOpen() {
        return !closed;
    }

    /** {@return the bytes read from the peer so far (exact on the loop thread)} */
    public long bytesReceived() {
        return received;
    }

    /** {@return the bytes the socket took so far (exact on the loop thread)} */
    public long bytesSent() {
        return sent;
    }

    /** {@return the bytes waiting in the write queue (exact on the loop thread)} */
    public int queuedBytes() {
        return queued;
    }

    /** {@return whether reading is paused, by {@link #pauseReading()} or by a full write queue (loop thread)} */
    public boolean readingPaused() {
        return (flags & (PAUSED_BY_USER | PAUSED_BY_QUEUE)) != 0;
    }

    /** {@return whether the calling thread is this connection's loop thread} */
    public boolean inLoop() {
        return loop.inLoop();
    }

    /** {@return what {@link #attach} stored, or null} */
    public Object attachment() {
        return attachment;
    }

    /**
     * Stores one object with the connection, for a protocol instance shared by all connections.
     * Loop thread only, as the protocol's callbacks are.
     *
     * @param value the object, or null
     */
    public void attach(Object value) {
        this.attachment = value;
    }

    /**
     * The loop's output buffer, empty, at least 16 KiB: fill it, flip it and {@link #write} it,
     * to build a reply without allocating. Shared by every connection of the loop, so it is
     * valid only until the current callback returns; a write copies what it cannot send.
     *
     * @return the cleared buffer
     * @throws IllegalStateException when called outside the loop thread
     */
    public ByteBuffer outputBuffer() {
        if (!loop.inLoop()) {
            throw new IllegalStateException("outputBuffer() is for the loop thread (in a protocol callback), not "
                    + Thread.currentThread().getName());
        }
        return loop.outputBuffer.clear();
    }

    /**
     * Writes bytes: what the socket takes at once, the rest is queued (see the class comment).
     * On the loop thread nothing is copied unless the socket is full; from another thread the
     * bytes are copied and written by the loop.
     *
     * @param data the bytes from its position to its limit; its position moves past what was
     *     sent or copied
     * @return false when the connection is closed or closing (the bytes are dropped); from
     *     another thread, true only says the bytes were handed to the loop, which drops them
     *     if the connection closes first
     */
    public boolean write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (loop.inLoop()) {
            return writeInLoop(data);
        }
        if (closed) {
            return false;
        }
        ByteBuffer copy = copyOf(data);
        loop.execute(() -> writeInLoop(copy));
        return true;
    }

    /**
     * Writes bytes (see {@link #write(ByteBuffer)}).
     *
     * @param data the bytes
     * @return false when the connection is closed or closing
     */
    public boolean write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    /**
     * Writes part of an array (see {@link #write(ByteBuffer)}).
     *
     * @param data the array
     * @param offset where the bytes start
     * @param length how many
     * @return false when the connection is closed or closing
     */
    public boolean write(byte[] data, int offset, int length) {
        return write(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * Closes after the queued writes are sent (asyncio's {@code close}): reading stops at once,
     * further writes are refused. Idempotent.
     */
    public void close() {
        if (!loop.inLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closed || (flags & (CLOSING | ENDING)) != 0) {
            return;
        }
        flags |= CLOSING;
        if (queued == 0) {
            end(null);
        } else {
            updateInterest();
        }
    }

    /** Closes at once, dropping queued writes (asyncio's {@code abort}). Idempotent. */
    public void abort() {
        if (!loop.inLoop()) {
            loop.execute(this::abort);
            return;
        }
        end(null);
    }

    /**
     * Half-closes: once the queued writes are sent, the peer sees the end of input; reading goes
     * on. Further writes are refused.
     */
    public void shutdownOutput() {
        if (!loop.inLoop()) {
            loop.execute(this::shutdownOutput);
            return;
        }
        if (closed || (flags & NO_WRITE) != 0) {
            return;
        }
        if (queued == 0) {
            shutdownOutputNow();
        } else {
            flags |= SHUTDOWN_PENDING;
        }
    }

    /** Stops reading until {@link #resumeReading()}; data waits in the kernel (and TCP slows the peer). */
    public void pauseReading() {
        if (!loop.inLoop()) {
            loop.execute(this::pauseReading);
            return;
        }
        flags |= PAUSED_BY_USER;
        updateInterest();
    }

    /** Reads again after {@link #pauseReading()}. */
    public void resumeReading() {
        if (!loop.inLoop()) {
            loop.execute(this::resumeReading);
            return;
        }
        flags &= ~PAUSED_BY_USER;
        updateInterest();
    }

    /**
     * Runs code on the connection's loop thread, after the current callback (if called from
     * one). A task that throws fails the connection as a callback would. Tasks handed in after
     * the server terminated are dropped.
     *
     * @param task the code
     */
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        loop.execute(() -> {
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                end(t);
            }
        });
    }

    // ---- the loop's side ----

    /** Registers with the loop's selector and tells the protocol. Loop thread. */
    void register() {
        if (loop.server.core.forced()) {
            finish(new SocketException("server shut down before the connection was served"));
            return;
        }
        try {
            key = channel.register(loop.selector, SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            finish(e);
            return;
        }
        lastActivity = loop.now;
        loop.link(this);
        flags |= CONNECTED;
        try {
            protocol.connected(this);
        } catch (Throwable t) {
            finish(t);
        }
    }

    /** Handles readiness from the selector. Loop thread. */
    void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && !closed && (flags & NO_READ) == 0) {
            read();
        }
    }

    /**
     * Reads into the loop's buffer and hands each read to the protocol, until a read comes back
     * short (the socket is drained: no extra read that would only return EAGAIN), reading is
     * paused, or a bound is reached (so one busy peer cannot starve the loop's others).
     */
    private void read() {
        ByteBuffer buf = loop.readBuffer;
        for (int i = 0; i < EventLoop.READS_PER_WAKEUP; i++) {
            buf.clear();
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                finish(e); // e.g. reset by the peer
                return;
            }
            if (n <= 0) {
                if (n < 0) {
                    endOfInput();
                }
                return;
            }
            received += n;
            lastActivity = loop.now;
            buf.flip();
            try {
                protocol.received(this, buf);
            } catch (Throwable t) {
                finish(t);
                return;
            }
            if (closed || (flags & NO_READ) != 0 || n < buf.capacity()) {
                return;
            }
        }
    }

    private void endOfInput() {
        flags |= INPUT_ENDED;
        updateInterest(); // a socket at EOF stays readable: without this the loop would spin
        try {
            protocol.endOfInput(this);
        } catch (Throwable t) {
            finish(t);
        }
    }

    private boolean writeInLoop(ByteBuffer data) {
        if (closed || (flags & NO_WRITE) != 0) {
            return false;
        }
        if (!data.hasRemaining()) {
            return true;
        }
        if (queued == 0) {
            try {
                int n = channel.write(data);
                sent += n;
                if (n > 0) {
                    lastActivity = loop.now;
                }
            } catch (IOException e) {
                end(e); // after the current callback: the protocol is inside one now
                return false;
            }
            if (!data.hasRemaining()) {
                return true;
            }
        }
        enqueue(copyOf(data));
        return true;
    }

    private void enqueue(ByteBuffer copy) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.addLast(copy);
        queued += copy.remaining();
        if (queued > loop.server.core.config.maxWriteQueueBytes()) {
            flags |= PAUSED_BY_QUEUE;
        }
        updateInterest();
    }

    /** Sends queued bytes while the socket takes them. */
    private void flush() {
        ArrayDeque<ByteBuffer> q = queue;
        if (q == null || closed) {
            return;
        }
        try {
            while (!q.isEmpty()) {
                ByteBuffer head = q.peekFirst();
                int n = channel.write(head);
                sent += n;
                queued -= n;
                if (n > 0) {
                    lastActivity = loop.now;
                }
                if (head.hasRemaining()) {
                    return; // still full: stay interested in OP_WRITE
                }
                q.pollFirst();
            }
        } catch (IOException e) {
            finish(e);
            return;
        }
        queue = null; // an idle connection holds no queue
        queued = 0;
        flags &= ~PAUSED_BY_QUEUE;
        if ((flags & CLOSING) != 0) {
            finish(null);
            return;
        }
        if ((flags & SHUTDOWN_PENDING) != 0) {
            shutdownOutputNow();
        }
        updateInterest();
    }

    private void shutdownOutputNow() {
        flags = (flags & ~SHUTDOWN_PENDING) | OUTPUT_SHUT;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            end(e);
        }
    }

    /** Sets the selector's interest from the flags; touches the key only when it changes. */
    private void updateInterest() {
        SelectionKey k = key;
        if (k == null || closed || !k.isValid()) {
            return;
        }
        int ops = (flags & NO_READ) == 0 ? SelectionKey.OP_READ : 0;
        if (queued > 0) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (k.interestOps() != ops) {
            k.interestOps(ops);
        }
    }

    /**
     * Ends the connection once the current callback has returned, so that
     * {@link StreamProtocol#closed} never runs inside another callback. Loop thread.
     */
    void end(Throwable failure) {
        if (closed || (flags & ENDING) != 0) {
            return;
        }
        flags |= ENDING;
        updateInterest();
        loop.later(() -> finish(failure));
    }

    /** Closes the socket, tells the protocol and the server. Loop thread; idempotent. */
    void finish(Throwable failure) {
        if (closed) {
            return;
        }
        closed = true;
        loop.unlink(this);
        try {
            channel.close(); // also cancels the key
        } catch (IOException ignored) {
            // the socket is gone either way
        }
        queue = null;
        queued = 0;
        Throwable reported = failure;
        if ((flags & CONNECTED) != 0) {
            try {
                protocol.closed(this, failure);
            } catch (Throwable t) {
                if (reported == null) {
                    reported = t;
                } else {
                    reported.addSuppressed(t);
                }
            }
        }
        loop.server.ended(reported);
    }

    private static ByteBuffer copyOf(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data);
        return copy.flip();
    }

    @Override
    public String toString() {
        return "EventConnection[" + peer + (closed ? ", closed" : "") + "]";
    }
}
