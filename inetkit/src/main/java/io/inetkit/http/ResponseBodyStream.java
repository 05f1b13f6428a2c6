package io.inetkit.http;

import io.inetkit.text.ReadTimeoutException;
import io.inetkit.text.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * The body stream handed to the user. At the end of the message the connection goes back to
 * the pool (or is closed when not reusable); closed early, it closes the connection. If the
 * stream becomes unreachable without being closed, a {@link Cleaner} closes the connection and
 * logs a warning.
 */
final class ResponseBodyStream extends InputStream {

    private static final System.Logger LOG = System.getLogger("io.inetkit.http");
    /** One daemon thread for all clients: cleaning is rare (only leaked bodies) and quick. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final InputStream framed;
    private final Framing framing;
    private final HttpConnection connection;
    private final ConnectionPool pool;
    private final boolean reusable;
    private final HttpCall call;
    private final LeakGuard guard;
    private final Cleaner.Cleanable cleanable;
    private final Transcript transcript;
    private long received;
    private boolean done;
    private boolean closed;
    /** A decoder reads this body: at the end of the message the connection waits for its verdict. */
    private boolean holdAtEnd;
    /** The message ended and the connection is held for the decoder's {@link #confirmEnd()} or {@link #abort()}. */
    private boolean held;

    /** @param framed a stream that is also a {@link Framing} */
    ResponseBodyStream(InputStream framed, HttpConnection connection, ConnectionPool pool, boolean reusable,
            HttpCall call, String description, Transcript transcript) {
        this.framed = framed;
        this.transcript = transcript;
        this.framing = (Framing) framed;
        this.connection = connection;
        this.pool = pool;
        this.reusable = reusable;
        this.call = call;
        this.guard = new LeakGuard(connection, description);
        this.cleanable = CLEANER.register(this, guard);
        call.bodyCreated(this);
    }

    /** What the cleaner runs: must not refer to the stream itself. */
    private static final class LeakGuard implements Runnable {
        private volatile HttpConnection connection;
        private final String description;

        LeakGuard(HttpConnection connection, String description) {
            this.connection = connection;
            this.description = description;
        }

        void disarm() {
            connection = null;
        }

        @Override
        public void run() {
            HttpConnection c = connection;
            if (c != null) {
                connection = null;
                LOG.log(System.Logger.Level.WARNING, "a response body was never closed; closing its connection ("
                        + description + "). Close every HttpResponse, e.g. with try-with-resources.");
                c.close();
            }
        }
    }

    boolean isDone() {
        return done;
    }

    Headers trailers() {
        return framing.trailers();
    }

    @Override
    public int read() throws IOException {
        if (done) {
            checkOpen();
            return -1;
        }
        int b;
        try {
            b = framed.read();
        } catch (IOException e) {
            throw fail(e);
        }
        if (b < 0) {
            finish(true);
        } else {
            received++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (done) {
            checkOpen();
            return -1;
        }
        int n;
        try {
            n = framed.read(b, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
        if (n < 0) {
            finish(true);
        } else {
            received += n;
        }
        return n;
    }

    /** Copies with a buffer of the body's size when known and small, else 64 KiB: small bodies allocate little. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long hint = done ? 0 : framing.remainingHint();
        int size = hint < 0 ? RequestBody.BUFFER_SIZE : (int) Math.max(1, Math.min(hint, RequestBody.BUFFER_SIZE));
        byte[] buf = new byte[size];
        long total = 0;
        int n;
        while ((n = read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : framed.available();
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
    }

    private IOException fail(IOException e) {
        finish(false);
        IOException t = call.translate(e);
        if (t == e && e instanceof SocketTimeoutException && !(e instanceof ReadTimeoutException)) {
            return new ReadTimeoutException("no data from " + connection.route + " for "
                    + connection.readTimeoutMillis() + " ms while reading the response body", (SocketTimeoutException) e);
        }
        return t;
    }

    /**
     * Makes the end of the message keep the connection until the decoder reading this body says
     * whether its content ended where the framing did ({@link #confirmEnd()}) or not
     * ({@link #abort()}). Without it, a connection whose content was cut (a Content-Length too
     * short for the gzip stream it carries) would already be back in the pool, and another call
     * could read the rest of that stream as its response.
     */
    void holdConnectionAtEnd() {
        holdAtEnd = true;
    }

    /** Ends the body once: gives the connection back if the message ended and the connection may be reused. */
    private void finish(boolean complete) {
        if (done) {
            return;
        }
        done = true;
        if (transcript != Transcript.NONE) {
            transcript.record(Transcript.Direction.RECEIVED, "<" + received + " bytes of body"
                    + (complete ? ">" : ", incomplete>"));
        }
        if (complete && holdAtEnd) {
            held = true;
            return;
        }
        end(complete);
    }

    private void end(boolean complete) {
        guard.disarm();
        cleanable.clean();
        call.detach(connection);
        if (complete && reusable && !call.isCanceledOrTimedOut()) {
            pool.release(connection);
        } else {
            connection.close();
        }
        call.bodyDone(this);
    }

    /** The decoder will not judge the content (it was never read): the end of the message is trusted as for any body. */
    void trustFramingAtEnd() {
        holdAtEnd = false;
    }

    /** The decoder found the end of its content at the end of the message: the connection may be reused. */
    void confirmEnd() {
        if (held) {
            held = false;
            end(true);
        }
    }

    /**
     * Ends the body and closes its connection, for content that shows the framing cannot be
     * trusted: held for the decoder, the connection is closed instead of reused.
     */
    void abort() {
        closed = true;
        if (held) {
            held = false;
            end(false);
        } else if (!done) {
            finish(false);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!done) {
            finish(framing.atEnd() || framing.drainBuffered());
        }
        if (held) { // closed before the decoder confirmed its end: the content may not have ended there
            held = false;
            end(false);
        }
    }
}
