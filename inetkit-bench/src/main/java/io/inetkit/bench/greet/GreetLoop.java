package io.inetkit.bench.greet;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One selector driving many greeting-protocol client connections from a single thread, so
 * the load generator stays cheap. The mode decides what happens next through {@link Events}.
 * Not thread-safe: one thread owns a loop.
 */
final class GreetLoop implements AutoCloseable {

    static final byte[] WELCOME = bytes("Welcome!");
    static final byte[] MESSAGE = bytes("Michael");
    static final byte[] REPLY = bytes("Hello, Michael!");
    static final byte[] EXIT = bytes("exit");
    private static final int MAX_BIND_ATTEMPTS = 1000;

    /** Where a connection is in the protocol. */
    enum Phase { CONNECTING, WELCOME, READY, REPLY, CLOSING, CLOSED }

    /** What the mode does when something happens on a connection. */
    interface Events {
        /** The welcome arrived; the connection is READY. */
        void welcomed(Conn c, long now);

        /** The full reply arrived; the connection is READY; {@code now - c.sentAt} is the round trip. */
        void replied(Conn c, long now);

        /** The connection is closed: cleanly (EOF after exit) or by a failure. */
        void closed(Conn c, long now, boolean clean);
    }

    /** One client connection's state. */
    static final class Conn {
        final SocketChannel channel;
        final long openedAt;
        int index;
        int attempt = 1;
        SelectionKey key;
        Phase phase;
        Phase failedIn;
        int matched;
        long sentAt;

        Conn(SocketChannel channel, long openedAt) {
            this.channel = channel;
            this.openedAt = openedAt;
        }
    }

    private final Selector selector;
    private final InetSocketAddress server;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(4096);
    private final ByteBuffer message = direct(MESSAGE);
    private final ByteBuffer exit = direct(EXIT);
    private long failures;
    private long retries;
    private String lastFailure = "";
    private Events events;
    private long now;

    GreetLoop(InetSocketAddress server) throws IOException {
        this.server = server;
        this.selector = Selector.open();
    }

    long failures() {
        return failures;
    }

    long retries() {
        return retries;
    }

    String lastFailure() {
        return lastFailure;
    }

    /**
     * Starts a non-blocking connect; binds the local side from {@code rotation} when it is not
     * null (trying further ports while they are in use).
     *
     * @return the connection, or null if it could not even be started (counted as a failure)
     */
    Conn open(SourceRotation rotation, int index, long time) {
        Conn opened = connect(rotation, index, time);
        if (opened != null) {
            opened.index = index;
        }
        return opened;
    }

    /** Closes a connection that will be opened again (a retry, not a failure), without calling back. */
    void drop(Conn c) {
        if (c.phase != Phase.CLOSED) {
            retries++;
            close(c);
        }
    }

    private Conn connect(SourceRotation rotation, int index, long time) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (rotation != null) {
                bind(ch, rotation, index);
            }
            Conn c = new Conn(ch, time);
            if (ch.connect(server)) {
                c.phase = Phase.WELCOME;
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
            } else {
                c.phase = Phase.CONNECTING;
                c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
            return c;
        } catch (IOException e) {
            failures++;
            lastFailure = "connect: " + e;
            closeQuietly(ch);
            return null;
        }
    }

    private static void bind(SocketChannel ch, SourceRotation rotation, int index) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                ch.bind(rotation.next(index));
                return;
            } catch (BindException e) {
                if (attempt >= MAX_BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Sends the message on a READY connection and awaits the reply. */
    void sendMessage(Conn c, long time) {
        c.sentAt = time;
        send(c, message, Phase.REPLY);
    }

    /** Sends {@code exit} on a READY connection and awaits the server's close. */
    void sendExit(Conn c) {
        send(c, exit, Phase.CLOSING);
    }

    /** Closes a connection that is still open, counted as a failure, without calling back. */
    void abort(Conn c, String why) {
        if (c.phase != Phase.CLOSED) {
            failures++;
            lastFailure = why;
            c.failedIn = c.phase;
            close(c);
        }
    }

    /** Sets who is told about events from now on (also about failed sends). */
    void events(Events handler) {
        this.events = handler;
    }

    /**
     * Waits up to {@code timeoutMillis} for I/O and handles what is ready.
     *
     * @return the number of connections that had events
     */
    int poll(long timeoutMillis) throws IOException {
        return selector.select(this::handle, timeoutMillis);
    }

    private void handle(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        now = System.nanoTime();
        if (!key.isValid() || c.phase == Phase.CLOSED) {
            return;
        }
        if (c.phase == Phase.CONNECTING) {
            try {
                if (c.channel.finishConnect()) {
                    c.phase = Phase.WELCOME;
                    key.interestOps(SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                fail(c, "connect: " + e);
            }
            return;
        }
        if (key.isReadable()) {
            read(c);
        }
    }

    private void read(Conn c) {
        int n;
        readBuffer.clear();
        try {
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            fail(c, "read in " + c.phase + ": " + e);
            return;
        }
        if (n < 0) {
            if (c.phase == Phase.CLOSING) {
                close(c);
                events.closed(c, now, true);
            } else {
                fail(c, "server closed the connection in phase " + c.phase);
            }
            return;
        }
        byte[] expected = switch (c.phase) {
            case WELCOME -> WELCOME;
            case REPLY -> REPLY;
            default -> null;
        };
        if (expected == null) {
            fail(c, n + " unexpected bytes in phase " + c.phase);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (c.matched >= expected.length || readBuffer.get(i) != expected[c.matched++]) {
                fail(c, "unexpected bytes from server in phase " + c.phase);
                return;
            }
        }
        if (c.matched == expected.length) {
            c.matched = 0;
            Phase was = c.phase;
            c.phase = Phase.READY;
            if (was == Phase.WELCOME) {
                events.welcomed(c, now);
            } else {
                events.replied(c, now);
            }
        }
    }

    private void send(Conn c, ByteBuffer what, Phase next) {
        if (c.phase != Phase.READY) {
            throw new IllegalStateException("send in phase " + c.phase);
        }
        what.clear();
        try {
            c.channel.write(what);
        } catch (IOException e) {
            fail(c, "write: " + e);
            return;
        }
        if (what.hasRemaining()) {
            // a few bytes into an empty socket buffer always fit; treat anything else as broken
            fail(c, "short write");
            return;
        }
        c.phase = next;
    }

    private void fail(Conn c, String why) {
        failures++;
        lastFailure = why;
        c.failedIn = c.phase;
        close(c);
        if (events != null) {
            events.closed(c, System.nanoTime(), false);
        }
    }

    private static void close(Conn c) {
        c.phase = Phase.CLOSED;
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            closeQuietly((SocketChannel) key.channel());
        }
        selector.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer direct(byte[] b) {
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }
}
