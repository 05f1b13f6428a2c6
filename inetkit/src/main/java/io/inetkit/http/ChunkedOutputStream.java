package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sends a request body of unknown length as chunks (RFC 9112 §7.1); {@link #finish()} writes the last chunk. */
final class ChunkedOutputStream extends OutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] one = new byte[1];

    ChunkedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write(CRLF);
    }

    void finish() throws IOException {
        out.write(LAST);
    }

    @Override
    public void flush() throws IOException {
        out.flush(); // a streaming producer may want its chunk sent now
    }

    @Override
    public void close() {
        // the connection stays open
    }
}
