package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;

/** Passes exactly the declared number of request body bytes; more is refused, fewer is reported by {@link #finish()}. */
final class FixedLengthOutputStream extends OutputStream {

    private final OutputStream out;
    private final long length;
    private long written;

    FixedLengthOutputStream(OutputStream out, long length) {
        this.out = out;
        this.length = length;
    }

    @Override
    public void write(int b) throws IOException {
        check(1);
        out.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check(len);
        out.write(b, off, len);
        written += len;
    }

    private void check(int n) throws IOException {
        if (written + n > length) {
            throw new IOException("the request body is longer than its declared length of " + length + " bytes");
        }
    }

    void finish() throws IOException {
        if (written != length) {
            throw new IOException("the request body wrote " + written + " bytes but declared " + length);
        }
    }

    @Override
    public void flush() {
        // the exchange flushes once after the body
    }

    @Override
    public void close() {
        // the connection stays open
    }
}
