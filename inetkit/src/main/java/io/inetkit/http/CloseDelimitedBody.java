package io.inetkit.http;

import io.inetkit.text.LineReader;
import java.io.IOException;
import java.io.InputStream;

/** A body that ends when the server closes the connection (no Content-Length, not chunked). */
final class CloseDelimitedBody extends InputStream implements Framing {

    private final LineReader in;
    private boolean end;

    CloseDelimitedBody(LineReader in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (end) {
            return -1;
        }
        int b = in.read();
        end = b < 0;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (end) {
            return -1;
        }
        int n = in.read(b, off, len);
        end = n < 0;
        return n;
    }

    @Override
    public boolean atEnd() {
        return end;
    }

    @Override
    public boolean drainBuffered() {
        return false; // the connection cannot be reused anyway
    }
}
