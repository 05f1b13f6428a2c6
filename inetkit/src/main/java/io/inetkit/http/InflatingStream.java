package io.inetkit.http;

import io.inetkit.text.LimitExceededException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Decodes a gzip or deflate body, created lazily (an empty body is not an error) and bounded:
 * more than {@code maxBytes} of output is refused, so a small "zip bomb" cannot fill memory or disk.
 */
final class InflatingStream extends InputStream {

    enum Kind { GZIP, DEFLATE }

    private static final int BUFFER = 16 * 1024;

    private final InputStream raw;
    private final Kind kind;
    private final long maxBytes;
    private InputStream decoded;
    private Inflater inflater;
    private long produced;
    private boolean empty;

    InflatingStream(InputStream raw, Kind kind, long maxBytes) {
        this.raw = raw;
        this.kind = kind;
        this.maxBytes = maxBytes;
        if (raw instanceof ResponseBodyStream body) {
            body.holdConnectionAtEnd(); // reused only once the compressed stream is seen to end with the message
        }
    }

    private boolean open() throws IOException {
        if (decoded != null || empty) {
            return !empty;
        }
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        int b0 = in.read();
        if (b0 < 0) {
            empty = true; // an empty body is not an error
            confirmRawEnd();
            return false;
        }
        in.unread(b0);
        try {
            if (kind == Kind.GZIP) {
                decoded = new GZIPInputStream(in, BUFFER);
            } else {
                byte[] two = in.readNBytes(2);
                in.unread(two);
                // RFC 9110 "deflate" is zlib-wrapped; some servers send raw deflate: tell them apart by the zlib header
                boolean zlib = two.length == 2 && (two[0] & 0x0f) == 8 && (((two[0] & 0xff) << 8) | (two[1] & 0xff)) % 31 == 0;
                inflater = new Inflater(!zlib);
                decoded = new InflaterInputStream(in, inflater, BUFFER);
            }
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!open()) {
            return -1;
        }
        int n;
        try {
            n = decoded.read(b, off, (int) Math.min(len, maxBytes - produced + 1));
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
        if (n < 0) {
            drainRaw();
        } else if (n > 0) {
            produced += n;
            if (produced > maxBytes) {
                close();
                throw new LimitExceededException("decompressed body exceeds " + maxBytes + " bytes", maxBytes);
            }
        }
        return n;
    }

    /**
     * WHY the connection is closed: a corrupt stream often means the framing lied (a
     * Content-Length too short cuts the stream, and the rest of it would arrive where the next
     * response is expected), so the connection must not go back to the pool.
     */
    private CorruptBodyException corrupt(IOException e) {
        if (raw instanceof ResponseBodyStream body) {
            body.abort();
        }
        return new CorruptBodyException("the " + kind.name().toLowerCase() + " response body is corrupt: " + e.getMessage(), e);
    }

    /**
     * Reads the (normally empty) rest of the raw body so its end is seen; the connection is then
     * reused. Trailing bytes after the compressed stream are ignored within a bound; past it the
     * connection is not confirmed, and closing the body closes it.
     */
    private void drainRaw() throws IOException {
        byte[] skip = new byte[512];
        for (int i = 0; i < 16; i++) {
            if (raw.read(skip) < 0) {
                confirmRawEnd();
                return;
            }
        }
    }

    private void confirmRawEnd() {
        if (raw instanceof ResponseBodyStream body) {
            body.confirmEnd();
        }
    }

    @Override
    public void close() throws IOException {
        if (decoded == null && raw instanceof ResponseBodyStream body) {
            body.trustFramingAtEnd(); // never read: like any unread body, reused when the framing says it ended
        }
        try {
            raw.close();
        } finally {
            if (inflater != null) {
                inflater.end();
            }
            if (decoded != null) {
                decoded.close();
            }
        }
    }
}
