package io.inetkit.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What happened on one connection of a {@link ScriptedServer}: every byte each way, in order,
 * the dot bodies read, and the failure report if the script did not run to its end. Safe to
 * read from the test thread while the script runs.
 */
public final class ScriptedConnection {

    /** Which side sent a chunk. */
    enum Side {
        /** The scripted server. */
        SERVER("S: "),
        /** The client under test. */
        CLIENT("C: ");

        final String prefix;

        Side(String prefix) {
            this.prefix = prefix;
        }
    }

    private record Chunk(Side side, byte[] bytes) {
    }

    private final int index;
    private final Charset charset;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private String failure;
    private boolean done;

    ScriptedConnection(int index, Charset charset) {
        this.index = index;
        this.charset = charset;
    }

    /** {@return the connection's number, from 0 in the order the server accepted them} */
    public int index() {
        return index;
    }

    /**
     * The conversation so far, one numbered line per wire line, {@code S:} for the server and
     * {@code C:} for the client, with CR, LF and other control bytes escaped ({@code \r\n}).
     *
     * @return the transcript
     */
    public String transcript() {
        List<Chunk> copy;
        lock.lock();
        try {
            copy = List.copyOf(chunks);
        } finally {
            lock.unlock();
        }
        StringBuilder sb = new StringBuilder();
        int number = 0;
        for (Chunk c : copy) {
            byte[] b = c.bytes();
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || i == b.length - 1) {
                    number++;
                    sb.append(String.format("%4d %s%s%n", number, c.side().prefix, Step.Escape.bytes(b, start, i + 1 - start)));
                    start = i + 1;
                }
            }
        }
        return sb.toString();
    }

    /** {@return every byte the client sent that the script read, in order} */
    public byte[] received() {
        return bytesOf(Side.CLIENT);
    }

    /** {@return every byte the server sent, in order} */
    public byte[] sent() {
        return bytesOf(Side.SERVER);
    }

    /** {@return the dot bodies read by {@code expectDotBody} steps, un-stuffed, decoded with the script's charset} */
    public List<String> bodies() {
        lock.lock();
        try {
            return bodies.stream().map(b -> new String(b, charset)).toList();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the failure report, when the script failed} */
    public Optional<String> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether the script has ended (run to its end or failed)} */
    public boolean isDone() {
        lock.lock();
        try {
            return done;
        } finally {
            lock.unlock();
        }
    }

    void record(Side side, byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(bytes, off, off + len);
        lock.lock();
        try {
            chunks.add(new Chunk(side, copy));
        } finally {
            lock.unlock();
        }
    }

    void addBody(byte[] body) {
        lock.lock();
        try {
            bodies.add(body);
        } finally {
            lock.unlock();
        }
    }

    void fail(String report) {
        lock.lock();
        try {
            if (failure == null) {
                failure = report;
            }
        } finally {
            lock.unlock();
        }
    }

    void markDone() {
        lock.lock();
        try {
            done = true;
        } finally {
            lock.unlock();
        }
    }

    private byte[] bytesOf(Side side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lock.lock();
        try {
            for (Chunk c : chunks) {
                if (c.side() == side) {
                    out.writeBytes(c.bytes());
                }
            }
        } finally {
            lock.unlock();
        }
        return out.toByteArray();
    }
}
