package io.inetkit.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads CRLF-terminated lines (a bare LF is accepted too) and raw bytes from one input
 * stream through one bounded buffer. Not thread-safe: one reader per connection, one thread
 * at a time.
 *
 * <p>Bounded: a line longer than {@link #maxLineLength()} bytes makes {@link #readLine()}
 * throw {@link LineTooLongException} as soon as the limit is passed. The reader never holds
 * more than the limit plus one fixed-size buffer, and it does not skip the rest of the line:
 * after that exception the connection is out of step and must be closed.
 *
 * <p>The charset is explicit: ISO-8859-1 or US-ASCII for control lines, UTF-8 when the
 * protocol negotiated it ({@code SMTPUTF8}, {@code OPTS UTF8 ON}, {@code UTF8=ACCEPT}).
 */
public final class LineReader {

    /** The default maximum line length in bytes, without the line terminator. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;

    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private Charset charset;
    private final int maxLineLength;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[128];
    private int lineLength; // kept in a field so a read timeout in mid-line loses nothing

    /**
     * Creates a reader.
     *
     * @param in the stream to read (usually a socket's)
     * @param charset how lines are decoded
     * @param maxLineLength the longest line accepted, in bytes without the terminator
     */
    public LineReader(InputStream in, Charset charset, int maxLineLength) {
        this.in = Objects.requireNonNull(in, "in");
        this.charset = Objects.requireNonNull(charset, "charset");
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive, got " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    /**
     * Creates a reader with {@link #DEFAULT_MAX_LINE_LENGTH}.
     *
     * @param in the stream to read
     * @param charset how lines are decoded
     */
    public LineReader(InputStream in, Charset charset) {
        this(in, charset, DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * Changes the charset for later lines, after the protocol negotiated one
     * (e.g. UTF-8 after {@code OPTS UTF8 ON} or {@code ENABLE UTF8=ACCEPT}).
     *
     * @param charset the new charset
     */
    public void setCharset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /** @return the charset lines are decoded with */
    public Charset charset() {
        return charset;
    }

    /** @return the longest line accepted, in bytes without the terminator */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * Reads one line and decodes it with the reader's charset.
     *
     * @return the line without its terminator, or null if the stream ended before any byte
     * @throws LineTooLongException if the line is longer than the limit
     * @throws ConnectionClosedException if the stream ends in the middle of a line
     * @throws IOException on I/O errors (including {@link java.net.SocketTimeoutException})
     */
    public String readLine() throws IOException {
        return readLine(charset);
    }

    /**
     * Reads one line and decodes it with the given charset.
     *
     * @param cs the charset for this line
     * @return the line without its terminator, or null at end of stream
     * @throws IOException as {@link #readLine()}
     */
    public String readLine(Charset cs) throws IOException {
        // WHY: most lines lie whole in the buffer; decode them from there, skipping the line copy.
        if (lineLength == 0 && pos < limit) {
            int lf = indexOfLf();
            if (lf >= 0) {
                int len = lf > pos && buf[lf - 1] == '\r' ? lf - 1 - pos : lf - pos;
                if (len <= maxLineLength) {
                    String s = new String(buf, pos, len, cs);
                    pos = lf + 1;
                    return s;
                }
            }
        }
        int n = nextLine();
        return n < 0 ? null : new String(line, 0, n, cs); // WHY: decode in place, no byte[] copy per line
    }

    /**
     * Reads one line as bytes.
     *
     * @return the line without its CRLF or LF, or null if the stream ended before any byte
     * @throws IOException as {@link #readLine()}
     */
    public byte[] readLineBytes() throws IOException {
        int n = nextLine();
        return n < 0 ? null : Arrays.copyOf(line, n);
    }

    /** Reads one line into {@code line}; returns its length without the terminator, or -1 at end of stream. */
    private int nextLine() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                if (lineLength == 0) {
                    return -1;
                }
                String partial = new String(line, 0, lineLength, charset);
                lineLength = 0;
                throw new ConnectionClosedException("the connection closed in the middle of a line", partial);
            }
            int lf = indexOfLf();
            int end = lf < 0 ? limit : lf;
            int chunk = end - pos;
            if (lineLength + chunk > maxLineLength + 1) { // +1: room for the CR of a line exactly at the limit
                throw new LineTooLongException(maxLineLength);
            }
            append(chunk);
            if (lf >= 0) {
                pos = lf + 1;
                int n = lineLength;
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                lineLength = 0;
                if (n > maxLineLength) {
                    throw new LineTooLongException(maxLineLength);
                }
                return n;
            }
        }
    }

    private int indexOfLf() {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int chunk) {
        int need = lineLength + chunk;
        if (need > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(need, line.length * 2), maxLineLength + 1));
        }
        System.arraycopy(buf, pos, line, lineLength, chunk);
        lineLength = need;
        pos += chunk;
    }

    private boolean fill() throws IOException {
        while (!eof) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one raw byte (for literals and bodies).
     *
     * @return the byte, or -1 at end of stream
     * @throws IOException on I/O errors
     */
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /**
     * Reads raw bytes, first from the buffer, then from the stream.
     *
     * @param b where to put them
     * @param off offset in {@code b}
     * @param len most bytes to read
     * @return bytes read, or -1 at end of stream
     * @throws IOException on I/O errors
     */
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (eof) {
                return -1;
            }
            if (len >= buf.length) { // large read: skip the copy through our buffer
                int n = in.read(b, off, len);
                if (n < 0) {
                    eof = true;
                }
                return n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /**
     * Reads exactly {@code n} raw bytes, e.g. an IMAP literal whose size the caller has
     * already checked against its own limit.
     *
     * @param n how many bytes
     * @return the bytes
     * @throws ConnectionClosedException if the stream ends first
     * @throws IOException on I/O errors
     */
    public byte[] readBytes(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count " + n);
        }
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            int r = read(out, done, n - done);
            if (r < 0) {
                throw new ConnectionClosedException("the connection closed after " + done + " of " + n
                        + " expected bytes", new String(out, 0, done, charset));
            }
            done += r;
        }
        return out;
    }

    /**
     * How many bytes have been received but not yet consumed. Before a STARTTLS handshake
     * this must be 0: anything buffered arrived unencrypted after the server's reply.
     *
     * @return the number of buffered bytes
     */
    public int buffered() {
        return limit - pos + lineLength;
    }

    /**
     * Copies buffered bytes up to and including the next LF, at most {@code len} of them,
     * refilling the buffer only when it is empty. Lets {@link DotInputStream} move the middle
     * of a line in one copy instead of a call per byte, without ever consuming past the end of
     * the current line (the next line may be the final dot, and what follows it belongs to the
     * next reply).
     *
     * @return the number of bytes copied, or -1 at end of stream
     */
    int readThroughLf(byte[] b, int off, int len) throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        int end = Math.min(limit, pos + len);
        int i = pos;
        while (i < end && buf[i] != '\n') {
            i++;
        }
        int stop = i < end ? i + 1 : end;
        int n = stop - pos;
        System.arraycopy(buf, pos, b, off, n);
        pos = stop;
        return n;
    }

    /**
     * A view of the raw bytes through this reader's buffer. Closing the view does nothing;
     * reading from it and reading lines may be mixed at line boundaries.
     *
     * @return the view
     */
    public InputStream asInputStream() {
        return new View();
    }

    /** The byte view; a named type so {@link DotInputStream} can recognise it and copy lines in bulk. */
    final class View extends InputStream {
        @Override
        public int read() throws IOException {
            return LineReader.this.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return LineReader.this.read(b, off, len);
        }

        @Override
        public int available() {
            return limit - pos;
        }

        LineReader reader() {
            return LineReader.this;
        }
    }
}
