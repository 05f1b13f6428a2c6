package io.inetkit.http;

import io.inetkit.server.Connection;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One connection of an {@link HttpServer}: the keep-alive loop in the connection's own
 * virtual thread, with buffers reused for every request. Its phase (idle, reading a head,
 * busy) and deadline are watched by the {@link ConnectionSweeper}, which enforces the
 * keep-alive timeout and the whole-head deadline and closes idle connections on shutdown.
 */
final class ServerExchange {
    static final int IDLE = 0;
    static final int HEAD = 1;
    static final int BUSY = 2;
    static final int CLOSED = 3;
    private static final VarHandle PHASE;
    private static final int OUTPUT_BUFFER = 8 * 1024;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(ServerExchange.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HttpServer server;
    private final Connection conn;
    private final HttpServerLimits limits;
    private final LineReader in;
    private final ConnectionOutput out;
    private final HeaderRules rules;
    private volatile int phase = IDLE;
    private volatile long deadline;
    private volatile boolean headTimedOut;
    /** When a direct write ({@link #writeDirect}) must have made progress by, or 0 when none is under way. */
    private volatile long writeDeadline;
    private volatile boolean writeTimedOut;
    private HttpVersion version = HttpVersion.HTTP_1_1;
    private RequestHead head;
    private ServerBodyStream body;
    private ByteBuffer fileBuffer;

    ServerExchange(HttpServer server, Connection conn) {
        this.server = server;
        this.conn = conn;
        this.limits = server.limits();
        this.rules = new HeaderRules(HeaderRules.Strictness.STRICT, limits.maxHeaderBytes(), limits.maxHeaderCount());
        this.in = new LineReader(new WatchedInput(conn.input()), StandardCharsets.ISO_8859_1,
                Math.max(limits.maxRequestLine(), limits.maxHeaderBytes()));
        this.out = new ConnectionOutput(conn.output(), OUTPUT_BUFFER);
    }

    /** Serves requests until the connection should close. */
    void run() throws IOException {
        if (serveAll()) {
            linger();
        }
    }

    /** @return true when the loop ended after a response while the peer may still be sending */
    private boolean serveAll() throws IOException {
        while (true) {
            deadline = System.nanoTime() + limits.keepAliveTimeout().toNanos();
            phase = in.buffered() > 0 ? HEAD : IDLE; // a pipelined request is already arriving
            if (phase == HEAD) {
                deadline = System.nanoTime() + limits.headTimeout().toNanos();
            }
            if (server.closing() && phase == IDLE) {
                return false;
            }
            RequestHead h;
            try {
                h = RequestHead.read(in, limits, rules);
            } catch (RequestRejectedException e) {
                phase = BUSY;
                reject(e.status(), e.getMessage());
                return true;
            } catch (IOException e) {
                return headTimedOut && reject(Status.REQUEST_TIMEOUT, "the request head did not arrive within " + limits.headTimeout());
            }
            if (!PHASE.compareAndSet(this, HEAD, BUSY) && !PHASE.compareAndSet(this, IDLE, BUSY)) {
                return false; // closed by the sweeper while the head arrived
            }
            if (h == null) {
                return headTimedOut && reject(Status.REQUEST_TIMEOUT, "the request head did not arrive within " + limits.headTimeout());
            }
            if (!serve(h)) {
                return !body.atEnd() || in.buffered() > 0; // the peer may still be sending
            }
        }
    }

    /**
     * Closes gently after a last response: stops sending, then reads and drops what the peer
     * still sends (at most 64 KiB, about a second), since closing with unread data makes TCP
     * reset the connection, and the peer could lose the response (a 400 or 413 above all).
     */
    private void linger() {
        if (!conn.isOpen() || conn.isSecure()) {
            return; // TLS: close_notify follows from the server's close
        }
        try {
            conn.shutdownOutput();
            conn.setIdleTimeout(Duration.ofSeconds(1));
            int total = in.buffered();
            byte[] skip = new byte[4096];
            int n;
            while (total < 64 * 1024 && (n = conn.input().read(skip, 0, skip.length)) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            // the peer is gone or too slow: close now
        }
    }

    private boolean serve(RequestHead h) throws IOException {
        head = h;
        version = h.version();
        Router.Match m = server.router().find(h.method(), h.path());
        long limit = m.route() != null ? m.route().maxBodySize() : limits.maxBodySize();
        InputStream framed = h.chunked() ? new ChunkedBody(in) : h.contentLength() > 0 ? new FixedLengthBody(in, h.contentLength()) : null;
        ServerResponse res = new ServerResponse(this, out, h.method().equals(Method.HEAD));
        body = new ServerBodyStream(framed, limit, h.expectContinue(), res);
        if (h.contentLength() > limit) {
            res.resetToError(Status.CONTENT_TOO_LARGE, "request body larger than " + limit + " bytes", true);
        } else if (m.route() == null) {
            if (m.allow() != null) {
                res.header("Allow", m.allow());
            }
            res.sendText(m.status(), Status.reasonPhrase(m.status()) + "\n");
        } else {
            ServerRequest req = new ServerRequest(h, body, conn.peerAddress(), conn.isSecure(), m.route().prefix());
            try {
                m.route().handler().handle(req, res);
            } catch (Exception | AssertionError | StackOverflowError e) { // a failing handler must not cost the connection a 500
                int code = body.tooLarge() ? Status.CONTENT_TOO_LARGE : body.malformed() ? Status.BAD_REQUEST : Status.INTERNAL_SERVER_ERROR;
                if (code == Status.INTERNAL_SERVER_ERROR) {
                    // after the head was sent, an IOException is most likely the peer going away
                    boolean peerGone = e instanceof IOException && res.isCommitted();
                    HttpServer.LOG.log(peerGone ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "handler failed on " + req, e);
                }
                if (res.isCommitted() || !conn.isOpen()) {
                    out.flush();
                    log(res);
                    return false;
                }
                res.resetToError(code, Status.reasonPhrase(code), code != Status.INTERNAL_SERVER_ERROR);
            }
        }
        boolean complete = res.finish();
        out.flush();
        log(res);
        return complete && res.keepAlive() && body.drain(limits.maxDrain());
    }

    /** Answers a request that cannot be served with an error; the connection closes after it. @return true */
    private boolean reject(int status, String message) {
        try {
            ServerResponse res = new ServerResponse(this, out, false);
            res.resetToError(status, message, true);
            res.finish();
            out.flush();
            if (server.accessLog() != null) {
                server.accessLog().accept(AccessLog.line(conn.peerAddress(), "-", status, res.bodyBytes()));
            }
        } catch (IOException | RuntimeException e) {
            out.discard(); // the peer is gone
        }
        return true;
    }

    private void log(ServerResponse res) {
        if (server.accessLog() != null) {
            String line = head.method().name() + " " + head.target() + " " + head.version().text();
            server.accessLog().accept(AccessLog.line(conn.peerAddress(), line, res.status(), res.bodyBytes()));
        }
    }

    // --- used by ServerResponse

    boolean mayKeepAlive() {
        return head != null && head.keepAlive() && !server.closing() && body != null && body.drainable(limits.maxDrain());
    }

    HttpVersion version() {
        return version;
    }

    String dateLine() {
        return server.dates().line();
    }

    String serverLine() {
        return server.serverLine();
    }

    /**
     * The channel for zero-copy file transfers, or null. Safe only because the channel is in
     * non-blocking mode underneath: the JDK switches it on the first read from a virtual thread
     * (the request head), so {@code transferTo} returns 0 instead of blocking in native code,
     * which would pin the carrier thread and ignore the idle deadline.
     *
     * @return the channel, or null over TLS or outside a virtual thread
     */
    SocketChannel plainChannel() {
        return conn.isSecure() || !Thread.currentThread().isVirtual() ? null : conn.channel();
    }

    /**
     * Writes buffers straight to the plain channel, gathered into as few system calls as the
     * socket allows; the caller has checked {@link #plainChannel()}. The server's own write
     * deadline covers only its streams, so this one is kept here: the sweeper closes the
     * channel (which wakes the parked write) when a single write waits longer than the idle
     * timeout.
     *
     * @param buffers direct or heap buffers, written in order
     * @throws IOException when writing fails or the peer reads nothing for the idle timeout
     */
    void writeDirect(ByteBuffer[] buffers) throws IOException {
        SocketChannel ch = conn.channel();
        long idle = limits.idleTimeout().toNanos();
        int first = 0;
        try {
            while (first < buffers.length) {
                writeDeadline = Math.max(1, System.nanoTime() + idle);
                ch.write(buffers, first, buffers.length - first);
                while (first < buffers.length && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
        } catch (IOException e) {
            if (writeTimedOut) {
                throw new java.net.SocketTimeoutException("peer read nothing for " + limits.idleTimeout() + "; connection closed");
            }
            throw e;
        } finally {
            writeDeadline = 0;
        }
    }

    /**
     * @return the connection's buffer for sending files, made on first use: a cached file of
     *     64 KiB and a full output buffer's worth of head fit in it together
     */
    ByteBuffer fileBuffer() {
        if (fileBuffer == null) {
            fileBuffer = ByteBuffer.allocate(64 * 1024 + OUTPUT_BUFFER);
        }
        return fileBuffer;
    }

    // --- used by the sweeper

    /** Called by the sweeper thread: stops an idle connection past keep-alive, a head past its deadline, or a stalled direct write. */
    void expireIfOverdue(long now) {
        long wd = writeDeadline;
        if (wd != 0 && now - wd > 0) {
            writeTimedOut = true;
            try {
                conn.channel().close();
            } catch (IOException ignored) {
                // closed anyway
            }
            return;
        }
        int p = phase;
        if ((p == IDLE || p == HEAD) && now - deadline > 0 && PHASE.compareAndSet(this, p, CLOSED)) {
            headTimedOut = p == HEAD; // set before the wake-up, so the reader sees it
            wake();
        }
    }

    /** Called on shutdown: closes the connection if it waits for a next request. */
    void closeIfIdle() {
        if (PHASE.compareAndSet(this, IDLE, CLOSED)) {
            wake();
        }
    }

    private void wake() {
        try {
            conn.channel().shutdownInput(); // the blocked read ends (under TLS it fails); a 408 is attempted
        } catch (IOException e) {
            try {
                conn.channel().close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Moves an idle connection to "reading a head" (with the head deadline) when its first byte arrives. */
    private final class WatchedInput extends InputStream {
        private final InputStream raw;

        WatchedInput(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (phase == CLOSED) {
                return -1;
            }
            int n = raw.read(b, off, len);
            if (n > 0 && phase == IDLE) {
                deadline = System.nanoTime() + limits.headTimeout().toNanos();
                if (!PHASE.compareAndSet(ServerExchange.this, IDLE, HEAD)) {
                    return -1;
                }
            }
            return n;
        }
    }
}
