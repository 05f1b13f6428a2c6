package io.inetkit.http;

import io.inetkit.text.LineReader;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 connection: the socket, a bounded line reader whose 8 KiB buffer also carries
 * body bytes, an 8 KiB output buffer and a reusable buffer for request heads. Used by one
 * exchange at a time; the pool hands it from one to the next.
 */
final class HttpConnection implements Closeable {

    final Route route;
    /** The TCP socket (under TLS, the socket TLS runs over). */
    private final Socket raw;
    /** What HTTP is read from and written to: {@link #raw} or a TLS socket over it. */
    private final Socket socket;
    final LineReader reader;
    final OutputStream out;
    private final int readTimeoutMillis;
    private byte[] head = new byte[1024];
    private int headLength;
    private long idleSinceNanos;
    /** True while the connection waits in the pool between exchanges: only then is its TLS stream quiet. */
    private volatile boolean idle;
    private int exchanges;
    private volatile boolean closed;

    HttpConnection(Route route, Socket raw, Socket socket, int maxLineLength, int readTimeoutMillis) throws IOException {
        this.route = route;
        this.raw = raw;
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.reader = new LineReader(socket.getInputStream(), StandardCharsets.ISO_8859_1, maxLineLength);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        socket.setSoTimeout(readTimeoutMillis);
    }

    /** @return the socket HTTP flows over */
    Socket socket() {
        return socket;
    }

    /** @return the peer's address (the proxy's, through a proxy) */
    SocketAddress remoteAddress() {
        return raw.getRemoteSocketAddress();
    }

    /** @return the local address */
    SocketAddress localAddress() {
        return raw.getLocalSocketAddress();
    }

    /** @return how many exchanges started on this connection (more than 1: it was reused) */
    int exchanges() {
        return exchanges;
    }

    void startExchange() {
        idle = false;
        exchanges++;
    }

    /** Sets the read timeout for the next reads; {@link #restoreReadTimeout()} undoes it. */
    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void restoreReadTimeout() throws IOException {
        socket.setSoTimeout(readTimeoutMillis);
    }

    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    // ---- request head: built in one reused array, written in one call ----

    void headReset() {
        headLength = 0;
    }

    /** Appends text: Latin-1 characters as one byte each, others as UTF-8. */
    void headAppend(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, head, headLength, utf8.length);
                headLength += utf8.length;
                return;
            }
            head[headLength++] = (byte) c;
        }
    }

    void headLine(String name, String value) {
        headAppend(name);
        headAppend(": ");
        headAppend(value);
        headAppend("\r\n");
    }

    private void ensure(int more) {
        if (headLength + more > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + more));
        }
    }

    void headWrite() throws IOException {
        out.write(head, 0, headLength);
    }

    // ---- pool support ----

    void markIdle(long nowNanos) {
        idleSinceNanos = nowNanos;
        idle = true;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /**
     * Tells whether an idle connection can carry another request: not closed, and no bytes
     * after the last response. With {@code probe} it also waits up to 1 ms for the peer's EOF
     * (what Apache HttpClient's stale check does): a plain socket has no non-blocking read, and a
     * read that times out leaves it usable. Without {@code probe} the check makes no system call;
     * a request sent on a connection the server closed meanwhile fails before any response and
     * is retried on a new connection if it is idempotent (see {@link NetworkLink}).
     *
     * @param probe whether to read from the socket to notice a close by the peer
     * @return true if the connection looks usable
     */
    boolean isHealthy(boolean probe) {
        if (closed || socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
            return false;
        }
        if (reader.buffered() > 0) {
            return false; // bytes after the last response: the peer is out of step
        }
        if (!probe) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            try {
                reader.read();
                return false; // a byte (out of step) or EOF (closed): either way unusable
            } catch (SocketTimeoutException e) {
                return true; // nothing arrived; under TLS a session ticket may have been consumed
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(readTimeoutMillis);
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the socket; safe to call from another thread (cancels blocked reads) and more than once. */
    @Override
    public void close() {
        closed = true;
        if (raw != socket) {
            // The JDK's SSLSocket.close() waits for the peer's close_notify (TLS 1.3) up to the read
            // timeout, and for a reader blocked in read(): a silent server would hold up a canceled
            // call or the client's close for a minute. So an idle connection sends its close_notify
            // (nothing is queued, so the write does not wait) and one in use says no goodbye; then the
            // TCP socket is closed under TLS, which makes the TLS close return at once.
            if (idle) {
                try {
                    socket.shutdownOutput();
                } catch (IOException | RuntimeException ignored) {
                    // the peer may be gone already
                }
            }
            try {
                raw.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public String toString() {
        return "connection to " + route + " from " + socket.getLocalSocketAddress();
    }
}
