package io.inetkit.http;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.HeaderBlock;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LimitExceededException;
import io.inetkit.text.LineReader;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked body (RFC 9112 §7.1). Chunk sizes are strict hexadecimal, checked for overflow;
 * chunk extensions are ignored but bounded; trailer fields are kept for
 * {@link HttpResponse#trailers()}.
 */
final class ChunkedBody extends InputStream implements Framing {

    /** The longest chunk-size line, extensions included. */
    static final int MAX_CHUNK_LINE = 4096;

    private static final HeaderRules TRAILER_RULES = new HeaderRules(HeaderRules.Strictness.STRICT, 16 * 1024, 100);

    private final LineReader in;
    private long remaining; // in the current chunk
    private boolean started;
    private boolean end;
    private Headers trailers = Headers.EMPTY;

    ChunkedBody(LineReader in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (!ensureData()) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw closedEarly();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw closedEarly();
        }
        remaining -= n;
        return n;
    }

    /** @return false at the end of the body */
    private boolean ensureData() throws IOException {
        while (remaining == 0) {
            if (end) {
                return false;
            }
            if (started) {
                String crlf = in.readLine();
                if (crlf == null) {
                    throw closedEarly();
                }
                if (!crlf.isEmpty()) {
                    throw new MalformedReplyException("chunked body: chunk data longer than its declared size");
                }
            }
            started = true;
            String line = in.readLine();
            if (line == null) {
                throw closedEarly();
            }
            remaining = parseSize(line);
            if (remaining == 0) {
                trailers = Headers.fromBlock(HeaderBlock.read(in, TRAILER_RULES));
                end = true;
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code chunk-size [ chunk-ext ]}: one or more hex digits, then nothing or
     * (after optional blanks) a {@code ;} starting extensions, which are ignored.
     */
    static long parseSize(String line) throws IOException {
        if (line.length() > MAX_CHUNK_LINE) {
            throw new LimitExceededException("chunked body: chunk-size line longer than " + MAX_CHUNK_LINE + " bytes", MAX_CHUNK_LINE);
        }
        long size = 0;
        int i = 0;
        for (; i < line.length(); i++) {
            int d = hex(line.charAt(i));
            if (d < 0) {
                break;
            }
            if (size > (Long.MAX_VALUE >>> 4)) {
                throw new MalformedReplyException("chunked body: chunk size overflows: " + HttpSyntax.quote(line));
            }
            size = (size << 4) | d;
        }
        if (i == 0) {
            throw new MalformedReplyException("chunked body: invalid chunk size line " + HttpSyntax.quote(line));
        }
        int j = i;
        while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
            j++;
        }
        if (j < line.length() && line.charAt(j) != ';') {
            throw new MalformedReplyException("chunked body: invalid chunk size line " + HttpSyntax.quote(line));
        }
        if (j == line.length() && j != i) {
            throw new MalformedReplyException("chunked body: blanks after the chunk size " + HttpSyntax.quote(line));
        }
        return size;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private ConnectionClosedException closedEarly() {
        return new ConnectionClosedException("the connection closed in the middle of a chunked body", "");
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, Math.max(0, in.buffered()));
    }

    @Override
    public boolean atEnd() {
        return end;
    }

    @Override
    public boolean drainBuffered() {
        return end; // draining needs line parsing that could block; only report
    }

    @Override
    public Headers trailers() {
        return trailers;
    }
}
