package io.inetkit.testing;

import io.inetkit.server.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The script's side of one connection: buffered reads that record each line or chunk as the
 * script consumes it, writes that record what they send, and the server-side TLS upgrade.
 */
final class Wire {
    /** The longest line a script reads; a client sending more is reported, not buffered for ever. */
    static final int MAX_LINE = 64 * 1024;

    /** The peer closed its side while the script was reading; {@code partial} holds what came before. */
    static final class ClientClosedException extends IOException {
        final byte[] partial;

        ClientClosedException(byte[] partial) {
            super("the client closed the connection");
            this.partial = partial;
        }
    }

    private final Connection connection;
    private final ScriptedConnection log;
    private final Duration timeout;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private InputStream in;
    private OutputStream out;
    private SSLSocket tls;

    Wire(Connection connection, ScriptedConnection log, Duration timeout) {
        this.connection = connection;
        this.log = log;
        this.timeout = timeout;
        this.in = connection.input();
        this.out = connection.output();
    }

    /** Reads one line up to and including its LF (or {@link #MAX_LINE} bytes without one). */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == limit && !fillOrRecord(line.toByteArray())) {
                record(line.toByteArray());
                throw new ClientClosedException(line.toByteArray());
            }
            int end = pos;
            while (end < limit && buf[end] != '\n' && line.size() + (end - pos) < MAX_LINE) {
                end++;
            }
            boolean complete = end < limit && buf[end] == '\n';
            if (complete) {
                end++;
            }
            line.write(buf, pos, end - pos);
            pos = end;
            if (complete || line.size() >= MAX_LINE) {
                byte[] b = line.toByteArray();
                record(b);
                return b;
            }
        }
    }

    /** Reads exactly {@code n} bytes. */
    byte[] readExactly(int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            if (pos == limit && !fillOrRecord(Arrays.copyOf(b, got))) {
                byte[] partial = Arrays.copyOf(b, got);
                record(partial);
                throw new ClientClosedException(partial);
            }
            int k = Math.min(n - got, limit - pos);
            System.arraycopy(buf, pos, b, got, k);
            pos += k;
            got += k;
        }
        record(b);
        return b;
    }

    /** Reads whatever comes next: the bytes of one read, or null when the client closed. */
    byte[] readSome() throws IOException {
        if (pos == limit && !fill()) {
            return null;
        }
        byte[] b = Arrays.copyOfRange(buf, pos, limit);
        pos = limit;
        record(b);
        return b;
    }

    void write(byte[] bytes) throws IOException {
        log.record(ScriptedConnection.Side.SERVER, bytes, 0, bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** {@return the bytes read from the socket that no step has consumed yet} */
    byte[] buffered() {
        return Arrays.copyOfRange(buf, pos, limit);
    }

    boolean isTls() {
        return tls != null || connection.isSecure();
    }

    /** The server side of STARTTLS over the accepted socket; reads then time out by SO_TIMEOUT. */
    void startTls(SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(connection.channel().socket(), null, true);
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        tls = ssl;
        ssl.startHandshake();
        in = ssl.getInputStream();
        out = ssl.getOutputStream();
    }

    /** Closes gracefully: close_notify first over TLS, then the socket. */
    void close() throws IOException {
        try {
            if (tls != null) {
                tls.close();
            }
        } finally {
            connection.close();
        }
    }

    /** Closes with SO_LINGER 0, so the client gets a TCP RST. */
    void reset() throws IOException {
        connection.channel().setOption(StandardSocketOptions.SO_LINGER, 0);
        connection.close();
    }

    private void record(byte[] b) {
        log.record(ScriptedConnection.Side.CLIENT, b, 0, b.length);
    }

    /** Fills the buffer; when reading fails (e.g. times out), records the partial item first so the transcript shows it. */
    private boolean fillOrRecord(byte[] partial) throws IOException {
        try {
            return fill();
        } catch (IOException e) {
            record(partial);
            throw e;
        }
    }

    private boolean fill() throws IOException {
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
    }
}
