package io.inetkit.text;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Writes a dot-stuffed body (SMTP DATA, NNTP POST): a dot at the start of a line is doubled,
 * a bare LF becomes CRLF, and {@link #close()} ends an unfinished last line with CRLF and
 * writes the terminating {@code .\r\n}. Closing flushes but does not close the underlying
 * stream. The state machine follows Go's {@code textproto.dotWriter}.
 */
public final class DotOutputStream extends OutputStream {

    private enum State { BEGIN_LINE, DATA, CR }

    private final OutputStream out;
    private final LongConsumer onClose;
    private State state = State.BEGIN_LINE;
    private long count;
    private boolean closed;

    /**
     * Creates a body writer.
     *
     * @param out the connection's (buffered) output stream
     */
    public DotOutputStream(OutputStream out) {
        this(out, n -> { });
    }

    DotOutputStream(OutputStream out, LongConsumer onClose) {
        this.out = Objects.requireNonNull(out, "out");
        this.onClose = onClose;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        for (int i = off; i < off + len; i++) {
            put(b[i]);
        }
    }

    private void put(byte b) throws IOException {
        count++;
        switch (state) {
            case BEGIN_LINE -> {
                if (b == '.') {
                    out.write('.'); // stuff: the reader removes one leading dot
                }
                data(b);
            }
            case DATA -> data(b);
            case CR -> {
                if (b == '\n') {
                    out.write(b);
                    state = State.BEGIN_LINE;
                } else {
                    data(b);
                }
            }
        }
    }

    private void data(byte b) throws IOException {
        if (b == '\n') {
            out.write('\r'); // a bare LF becomes CRLF
            out.write('\n');
            state = State.BEGIN_LINE;
        } else {
            out.write(b);
            state = b == '\r' ? State.CR : State.DATA;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the body has already been closed");
        }
    }

    /** Flushes the underlying stream (the terminator is not written). */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends the last line if needed, writes {@code .\r\n} and flushes. Does not close the
     * underlying stream. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        switch (state) {
            case DATA -> out.write(new byte[] {'\r', '\n'});
            case CR -> out.write('\n');
            case BEGIN_LINE -> { }
        }
        out.write(new byte[] {'.', '\r', '\n'});
        out.flush();
        onClose.accept(count);
    }
}
