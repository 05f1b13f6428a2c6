package io.inetkit.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** The byte streams behind {@link Socket#inputStream()} and {@link Socket#outputStream()}. */
final class SocketStreams {
    private SocketStreams() {
    }

    /** Reads with {@link Socket#recvInto(byte[], int, int)}; closing it leaves the socket open. */
    static final class In extends InputStream {
        private final Socket socket;
        private volatile boolean closed;

        In(Socket socket) {
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("stream is closed");
            }
            if (len == 0) {
                return 0;
            }
            int n = socket.recvInto(b, off, len);
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Writes with {@link Socket#sendAll(byte[], int, int)}; closing it leaves the socket open. */
    static final class Out extends OutputStream {
        private final Socket socket;
        private volatile boolean closed;

        Out(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("stream is closed");
            }
            socket.sendAll(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
