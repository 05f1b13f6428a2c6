package io.inetkit.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads a dot-terminated body (POP3 RETR, NNTP ARTICLE, SMTP DATA on a server): removes the
 * stuffed leading dot of each line and ends at the line holding only {@code .}. Line ends are
 * passed through unchanged (CRLF stays CRLF), so the body is byte-exact; {@code .\n} is accepted
 * as terminator too. The state machine follows Go's {@code textproto.dotReader}.
 *
 * <p>Bounded: more than {@code maxBytes} of content throws {@link BodyTooLargeException}.
 * End of stream before the terminator throws {@link ConnectionClosedException}.
 * {@link #close()} reads and discards the rest of the body, so the connection stays in step.
 */
public final class DotInputStream extends InputStream {

    private enum State { BEGIN_LINE, DATA, DOT, DOT_CR, DONE }

    private final InputStream in;
    private final LineReader lines; // non-null when reading through a LineReader: enables the bulk path
    private final long maxBytes;
    private final LongConsumer onEnd;
    private State state = State.BEGIN_LINE;
    private long count;
    private int pending = -1; // a byte decided but not yet returned (the CR of ".\r<x>")

    /**
     * Creates a body reader.
     *
     * @param in the connection's buffered input (e.g. {@link LineReader#asInputStream()})
     * @param maxBytes the largest body accepted, in bytes after un-stuffing
     */
    public DotInputStream(InputStream in, long maxBytes) {
        this(in, maxBytes, n -> { });
    }

    DotInputStream(InputStream in, long maxBytes, LongConsumer onEnd) {
        this.in = Objects.requireNonNull(in, "in");
        this.lines = in instanceof LineReader.View view ? view.reader() : null;
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.onEnd = onEnd;
    }

    /** @return true once the terminating dot line has been read */
    public boolean isFinished() {
        return state == State.DONE;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = next();
            if (c != -2) {
                return c;
            }
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            // Stop early rather than block once something is ready for the caller.
            if (n > 0 && pending < 0 && in.available() == 0) {
                break;
            }
            // WHY: in mid-line no byte needs a decision until the LF, so copy the rest of the
            // line from the reader's buffer at once; a call per byte was the main cost.
            if (lines != null && state == State.DATA && pending < 0) {
                int k = lines.readThroughLf(b, off + n, len - n);
                if (k > 0) {
                    count += k;
                    if (count > maxBytes) {
                        throw new BodyTooLargeException(maxBytes);
                    }
                    n += k;
                    if (b[off + n - 1] == '\n') {
                        state = State.BEGIN_LINE;
                    }
                    continue;
                }
                // k < 0: end of stream; next() reports it
            }
            int c = next();
            if (c == -1) {
                return n == 0 ? -1 : n;
            }
            if (c != -2) {
                b[off + n++] = (byte) c;
            }
        }
        return n;
    }

    /** Returns the next content byte, -1 at the end of the body, or -2 if a byte was consumed without output. */
    private int next() throws IOException {
        if (pending >= 0) {
            int p = pending;
            pending = -1;
            return emit(p);
        }
        if (state == State.DONE) {
            return -1;
        }
        int c = in.read();
        if (c < 0) {
            throw new ConnectionClosedException("the connection closed before the end of the body (no final \".\" line) after "
                    + count + " bytes", "");
        }
        switch (state) {
            case BEGIN_LINE -> {
                if (c == '.') {
                    state = State.DOT;
                    return -2;
                }
                return data(c);
            }
            case DATA -> {
                return data(c);
            }
            case DOT -> {
                if (c == '\n') {
                    return finish();
                } else if (c == '\r') {
                    state = State.DOT_CR;
                    return -2;
                }
                return data(c); // a stuffed dot: drop it
            }
            case DOT_CR -> {
                if (c == '\n') {
                    return finish();
                }
                pending = c; // ".\r<x>": the dot was stuffing; emit CR, then x
                state = State.DATA;
                return emit('\r');
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private int data(int c) throws IOException {
        state = c == '\n' ? State.BEGIN_LINE : State.DATA;
        return emit(c);
    }

    private int emit(int c) throws IOException {
        if (++count > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return c;
    }

    private int finish() {
        state = State.DONE;
        onEnd.accept(count);
        return -1;
    }

    /** Reads and discards the rest of the body (still bounded by the size limit). */
    @Override
    public void close() throws IOException {
        while (next() != -1) {
            // discard
        }
    }
}
