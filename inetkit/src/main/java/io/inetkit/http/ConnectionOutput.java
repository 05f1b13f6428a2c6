package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The per-connection output buffer of the server, reused for every response: the head and a
 * small body leave in one write at {@link #flush()}. Larger writes go straight through.
 */
final class ConnectionOutput extends OutputStream {
    private final OutputStream out;
    private final byte[] buf;
    private int count;

    ConnectionOutput(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            flushBuffer();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - count) {
            flushBuffer();
            if (len >= buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Appends ASCII text (the caller guarantees it has no characters above 0xff). */
    void writeAscii(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - count) {
            flushBuffer();
            if (len > buf.length) {
                out.write(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                return;
            }
        }
        for (int i = 0; i < len; i++) {
            buf[count + i] = (byte) s.charAt(i);
        }
        count += len;
    }

    /**
     * Writes the buffered bytes and then {@code b}: through the buffer when they fit, else
     * joined in {@code scratch} in one write when they fit there, else in two writes.
     */
    void writeJoined(byte[] b, int off, int len, byte[] scratch) throws IOException {
        if (len <= buf.length - count) {
            System.arraycopy(b, off, buf, count, len);
            count += len;
        } else if (count + len <= scratch.length) {
            System.arraycopy(buf, 0, scratch, 0, count);
            System.arraycopy(b, off, scratch, count, len);
            int n = count + len;
            count = 0;
            out.write(scratch, 0, n);
        } else {
            write(b, off, len);
        }
    }

    /**
     * Moves the buffered bytes to the start of {@code scratch} (which must hold them), so the
     * caller can append to them and write both with {@link #write(byte[], int, int)}.
     *
     * @return how many bytes were moved
     */
    int moveTo(byte[] scratch) {
        int n = count;
        System.arraycopy(buf, 0, scratch, 0, n);
        count = 0;
        return n;
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            out.write(buf, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    /** Forgets buffered bytes (the connection is about to be closed anyway). */
    void discard() {
        count = 0;
    }
}
