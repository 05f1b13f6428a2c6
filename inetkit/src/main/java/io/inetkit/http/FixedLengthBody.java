package io.inetkit.http;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.LineReader;
import java.io.IOException;
import java.io.InputStream;

/** A body of exactly {@code Content-Length} bytes. */
final class FixedLengthBody extends InputStream implements Framing {

    private final LineReader in;
    private final long length;
    private long remaining;

    FixedLengthBody(LineReader in, long length) {
        this.in = in;
        this.length = length;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
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
        if (remaining == 0) {
            return len == 0 ? 0 : -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw closedEarly();
        }
        remaining -= n;
        return n;
    }

    private ConnectionClosedException closedEarly() {
        return new ConnectionClosedException("the connection closed after " + (length - remaining) + " of "
                + length + " body bytes (Content-Length)", "");
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, Math.max(0, in.buffered()));
    }

    @Override
    public long remainingHint() {
        return remaining;
    }

    @Override
    public boolean atEnd() {
        return remaining == 0;
    }

    @Override
    public boolean drainBuffered() {
        if (remaining > in.buffered()) {
            return false;
        }
        try {
            while (remaining > 0) {
                if (in.read() < 0) {
                    return false;
                }
                remaining--;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
