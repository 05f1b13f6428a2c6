package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The response to one request. Set the status and headers first, then either send a whole
 * body ({@link #send(byte[])}, {@link #sendText}, {@link #sendFile}) or stream it through
 * {@link #body()}: with a {@link #contentLength(long)} the body is sent as is (and must have
 * exactly that length), without one it is sent chunked (close-delimited to HTTP/1.0 clients).
 * The first body write commits the head; small responses leave in one write when the handler
 * returns. For HEAD requests the same head is sent and body bytes are discarded, so a handler
 * treats HEAD like GET.
 *
 * <p>The server adds {@code Date} and {@code Server} (unless the handler set them), the framing
 * headers and {@code Connection}.
 * A handler that sends nothing gets an empty 200 (or its chosen status) with
 * {@code Content-Length: 0}. Not thread-safe: use it from the handler's thread.
 */
public final class ServerResponse {
    /**
     * Of a larger file, this much leaves with the head and sendfile sends the rest; at least a
     * full loopback segment, since a 16 KiB first write doubled the receiver's cost (see sendMapped).
     */
    private static final int FIRST_BYTES = 64 * 1024;

    private static final String[] STATUS_LINES = new String[600];

    static {
        for (int s = 100; s < 600; s++) {
            String reason = Status.reasonPhrase(s);
            STATUS_LINES[s] = "HTTP/1.1 " + s + " " + reason + "\r\n";
        }
    }

    private enum Mode { NONE, FIXED, CHUNKED, UNTIL_CLOSE }

    private final ServerExchange exchange;
    private final ConnectionOutput out;
    private final boolean head;
    private int status = Status.OK;
    private Headers.Builder headers = Headers.builder();
    private long contentLength = -1;
    private boolean closeRequested;
    private boolean committed;
    private boolean keepAlive;
    private Mode mode;
    private long bodyBytes;
    private OutputStream body;
    private ChunkedOutputStream chunked;

    ServerResponse(ServerExchange exchange, ConnectionOutput out, boolean head) {
        this.exchange = exchange;
        this.out = out;
        this.head = head;
    }

    /**
     * Sets the status code (default 200).
     *
     * @param code 200 to 599
     * @return this response
     * @throws IllegalStateException after the head was sent
     */
    public ServerResponse status(int code) {
        checkOpen();
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("response status must be 200 to 599, got " + code);
        }
        status = code;
        return this;
    }

    /** {@return the status code set so far} */
    public int status() {
        return status;
    }

    /**
     * Sets a header, replacing earlier values. {@code Content-Length} goes through
     * {@link #contentLength}; {@code Transfer-Encoding} is the server's; {@code Connection: close}
     * closes the connection after this response.
     *
     * @param name a token
     * @param value the value, without CR, LF or NUL
     * @return this response
     */
    public ServerResponse header(String name, String value) {
        if (special(name, value)) {
            return this;
        }
        headers.set(name, value);
        return this;
    }

    /**
     * Adds a header field, keeping earlier ones of that name (e.g. {@code Set-Cookie}).
     *
     * @param name a token
     * @param value the value, without CR, LF or NUL
     * @return this response
     */
    public ServerResponse addHeader(String name, String value) {
        if (special(name, value)) {
            return this;
        }
        headers.add(name, value);
        return this;
    }

    private boolean special(String name, String value) {
        checkOpen();
        Objects.requireNonNull(name, "name");
        if (name.equalsIgnoreCase("Content-Length")) {
            throw new IllegalArgumentException("set Content-Length with contentLength(long)");
        }
        if (name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException("Transfer-Encoding is chosen by the server (chunked when no length is set)");
        }
        if (name.equalsIgnoreCase("Connection")) {
            closeRequested |= HttpSyntax.hasToken(Objects.requireNonNull(value, "value"), "close");
            return true;
        }
        return false;
    }

    /**
     * Sets {@code Content-Type}.
     *
     * @param type e.g. {@code text/html; charset=utf-8}
     * @return this response
     */
    public ServerResponse contentType(String type) {
        return header("Content-Type", type);
    }

    /**
     * Declares the body length; {@link #body()} then sends exactly that many bytes.
     *
     * @param length the length in bytes, at least 0
     * @return this response
     */
    public ServerResponse contentLength(long length) {
        checkOpen();
        if (length < 0) {
            throw new IllegalArgumentException("content length must not be negative, got " + length);
        }
        contentLength = length;
        return this;
    }

    /** {@return the headers set so far (without those the server adds)} */
    public Headers headers() {
        Headers h = headers.build();
        headers = h.toBuilder();
        return h;
    }

    /** {@return whether the head was sent (status and headers can no longer change)} */
    public boolean isCommitted() {
        return committed;
    }

    /**
     * Commits the head and returns the body stream. Closing the stream does not close the
     * connection; the server ends the body when the handler returns.
     *
     * @return the body stream
     * @throws IOException when sending the head fails
     */
    public OutputStream body() throws IOException {
        if (!committed) {
            commit(null);
        }
        return body;
    }

    /**
     * Sends a whole body with its length.
     *
     * @param bytes the body
     * @throws IOException when sending fails
     */
    public void send(byte[] bytes) throws IOException {
        contentLength(bytes.length);
        body().write(bytes);
    }

    /**
     * Sends a status and a {@code text/plain; charset=utf-8} body.
     *
     * @param code the status
     * @param text the body text
     * @throws IOException when sending fails
     */
    public void sendText(int code, String text) throws IOException {
        status(code);
        if (headers.build().first("Content-Type").isEmpty()) {
            contentType("text/plain; charset=utf-8");
        }
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends part of a file as the body with its length. Over plain TCP the bytes go from the
     * file to the socket without passing through Java ({@link FileChannel#transferTo}) while the
     * socket takes them; when it is full, one 64 KiB chunk is written through the connection's
     * stream, which waits for the peer under the idle timeout. Over TLS every chunk is copied.
     *
     * @param file the file
     * @param position the first byte to send
     * @param count how many bytes to send
     * @throws IOException when reading the file or sending fails
     */
    public void sendFile(Path file, long position, long count) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (position < 0 || count < 0 || position + count > ch.size()) {
                throw new IllegalArgumentException("range " + position + "+" + count + " is outside the file of " + ch.size() + " bytes");
            }
            contentLength(count);
            body();
            if (head || count == 0) {
                return;
            }
            transfer(ch, file, position, count);
        }
    }

    /**
     * Sends a cached file as a plain 200 with its prepared header fields: a small file's
     * content leaves with the head in one write, a larger file's first bytes too.
     *
     * @return false, having sent nothing, when the handler already set a status or header
     *     (the general path then merges them)
     */
    boolean sendCached(CachedFile file) throws IOException {
        if (committed || status != Status.OK || contentLength >= 0 || !headers.build().isEmpty()) {
            return false;
        }
        contentLength = file.size();
        commit(file.fields200());
        if (head || file.size() == 0) {
            return true;
        }
        byte[] content = file.content();
        if (content != null) {
            out.writeJoined(content, 0, content.length, exchange.fileBuffer().array());
            ((FixedBody) body).written += content.length;
            bodyBytes += content.length;
            return true;
        }
        sendCachedBody(file, 0, file.size());
        return true;
    }

    /**
     * Sends part of a cached file after the committed head: from its mapping with the head in
     * one gathering write over plain TCP, else from disk.
     */
    void sendCachedRange(CachedFile file, long position, long count) throws IOException {
        if (file.content() != null) {
            contentLength(count);
            body().write(file.content(), (int) position, (int) count);
            return;
        }
        if (file.mapped() == null || exchange.plainChannel() == null) {
            sendFile(file.path(), position, count); // TLS copies in Java: never from a mapping, which a shorter file would make fault
            return;
        }
        contentLength(count);
        body();
        if (!head && count > 0) {
            sendCachedBody(file, position, count);
        }
    }

    private void sendCachedBody(CachedFile file, long position, long count) throws IOException {
        MappedByteBuffer mapped = file.mapped();
        if (mapped != null && exchange.plainChannel() != null) {
            sendMapped(file, mapped, (int) position, (int) count);
            ((FixedBody) body).written += count;
            bodyBytes += count;
            return;
        }
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            if (ch.size() < position + count) {
                throw new IOException(file.path().getFileName() + " got shorter than when it was checked");
            }
            transfer(ch, file.path(), position, count);
        }
    }

    /**
     * Sends a mapped file over plain TCP: the head and the first 64 KiB from the mapping in one
     * gathering write, the rest by sendfile ({@link FileChannel#transferTo}) from the same file
     * opened again. Whenever the socket is full, or the path no longer names the mapped file,
     * one chunk is copied from the mapping instead; that write waits for the peer.
     *
     * <p>Why not all by sendfile: Java cannot cork a socket (TCP_CORK), and a lone head followed
     * by sendfile, or a first write of 16 KiB, doubled the receiver's cost on loopback (wrk:
     * 0.50 vs 0.25 ms of CPU per MiB, with more acknowledgements and zero-window episodes);
     * a first write of at least one 64 KiB segment did not. Why not all copied: the copy was
     * the server's largest cost (60% of its CPU at 1 MiB per response).
     */
    private void sendMapped(CachedFile file, MappedByteBuffer mapped, int position, int count) throws IOException {
        byte[] scratch = exchange.fileBuffer().array();
        int headBytes = out.moveTo(scratch);
        int done = Math.min(count, FIRST_BYTES);
        exchange.writeDirect(new ByteBuffer[] {ByteBuffer.wrap(scratch, 0, headBytes), mapped.slice(position, done)});
        if (done == count) {
            return;
        }
        SocketChannel socket = exchange.plainChannel();
        try (FileChannel ch = reopen(file)) {
            while (done < count) {
                long n = ch == null ? 0 : ch.transferTo(position + done, count - done, socket);
                if (n <= 0) {
                    int chunk = Math.min(FIRST_BYTES, count - done);
                    exchange.writeDirect(new ByteBuffer[] {mapped.slice(position + done, chunk)});
                    n = chunk;
                }
                done += (int) n;
            }
        }
    }

    /**
     * Opens a cached file again for sendfile.
     *
     * @return the channel, or null when the path no longer names the file that was mapped
     *     (checked after opening, so the channel holds that file or an older one: the mapping's)
     */
    private static FileChannel reopen(CachedFile file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file.path(), StandardOpenOption.READ);
            if (file.sameAs(file.path(), Files.readAttributes(file.path(), BasicFileAttributes.class))) {
                return ch;
            }
        } catch (IOException e) {
            // gone or unreadable now: the mapping still holds the content
        }
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
        return null;
    }

    /**
     * Sends the body from a file after the committed head. The head and the first bytes
     * leave in one write (a lone head would cost a write and a small segment of its own);
     * the rest goes from the file to the socket without passing through Java
     * ({@link FileChannel#transferTo}) while the socket takes them; when it is full, one
     * chunk is written through the connection's stream, which waits for the peer under the
     * idle timeout. Over TLS every chunk is copied.
     */
    private void transfer(FileChannel ch, Path file, long position, long count) throws IOException {
        FixedBody fixed = (FixedBody) body;
        ByteBuffer buf = exchange.fileBuffer();
        byte[] joined = buf.array();
        int headBytes = out.moveTo(joined);
        int first = (int) Math.min(count, count <= joined.length - headBytes ? count : Math.min(FIRST_BYTES, joined.length - headBytes));
        buf.clear().position(headBytes).limit(headBytes + first);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position() - headBytes) < 0) {
                throw new IOException(file.getFileName() + " got shorter while being sent");
            }
        }
        out.write(joined, 0, headBytes + first);
        fixed.written += first;
        bodyBytes += first;
        long done = first;
        if (done == count) {
            return;
        }
        out.flush();
        SocketChannel socket = exchange.plainChannel();
        while (done < count) {
            long n = socket == null ? 0 : ch.transferTo(position + done, count - done, socket);
            if (n > 0) {
                done += n;
                bodyBytes += n;
                fixed.written += n;
                continue;
            }
            // TLS, or the socket buffer is full: one chunk through the stream, which waits
            // for the peer (parking the virtual thread) under the write deadline
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int r = ch.read(buf, position + done);
            if (r < 0) {
                throw new IOException(file.getFileName() + " got shorter while being sent");
            }
            body.write(joined, 0, r);
            done += r;
        }
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("the response head was already sent");
        }
    }

    /** @param prepared the encoded header fields, Content-Length included, replacing those set (none), or null */
    private void commit(byte[] prepared) throws IOException {
        committed = true;
        keepAlive = !closeRequested && exchange.mayKeepAlive();
        if (Status.forbidsBody(status)) {
            mode = Mode.NONE;
        } else if (contentLength >= 0) {
            mode = Mode.FIXED;
        } else if (exchange.version() == HttpVersion.HTTP_1_1) {
            mode = Mode.CHUNKED;
        } else {
            mode = Mode.UNTIL_CLOSE;
            keepAlive = false;
        }
        out.writeAscii(STATUS_LINES[status]);
        Headers h = headers.build();
        boolean custom = !h.isEmpty();
        if (!custom || !h.contains("Date")) {
            out.writeAscii(exchange.dateLine());
        }
        String server = exchange.serverLine();
        if (server != null && (!custom || !h.contains("Server"))) {
            out.writeAscii(server);
        }
        for (int i = 0; i < h.size(); i++) {
            writeField(h.name(i), h.value(i));
        }
        if (prepared != null) {
            out.write(prepared, 0, prepared.length);
        }
        switch (mode) {
            case FIXED -> {
                if (status != Status.NO_CONTENT && prepared == null) {
                    out.writeAscii("Content-Length: ");
                    out.writeAscii(Long.toString(contentLength));
                    out.writeAscii("\r\n");
                }
            }
            case NONE -> {
                if (status == Status.NOT_MODIFIED && contentLength >= 0) {
                    out.writeAscii("Content-Length: " + contentLength + "\r\n");
                }
            }
            case CHUNKED -> out.writeAscii("Transfer-Encoding: chunked\r\n");
            case UNTIL_CLOSE -> { }
        }
        if (!keepAlive) {
            out.writeAscii("Connection: close\r\n");
        } else if (exchange.version() == HttpVersion.HTTP_1_0) {
            out.writeAscii("Connection: keep-alive\r\n");
        }
        out.writeAscii("\r\n");
        if (mode == Mode.CHUNKED && !head) {
            chunked = new ChunkedOutputStream(out);
        }
        body = switch (mode) {
            case FIXED -> new FixedBody(contentLength);
            case NONE -> new Sink(null);
            case CHUNKED -> new Sink(chunked);
            case UNTIL_CLOSE -> new Sink(out);
        };
    }

    private void writeField(String name, String value) throws IOException {
        out.writeAscii(name);
        out.writeAscii(": ");
        boolean latin1 = true;
        for (int i = 0; i < value.length() && latin1; i++) {
            latin1 = value.charAt(i) < 0x100;
        }
        if (latin1) {
            out.writeAscii(value);
        } else {
            out.write(value.getBytes(StandardCharsets.UTF_8));
        }
        out.writeAscii("\r\n");
    }

    /** Sends {@code 100 Continue} when the head is not committed yet (the handler reads the body). */
    void sendContinue() throws IOException {
        if (!committed) {
            out.writeAscii("HTTP/1.1 100 Continue\r\n\r\n");
            out.flush();
        }
    }

    /**
     * Ends the response after the handler: commits an empty one, writes the last chunk.
     *
     * @return false when the body is incomplete (fewer bytes than Content-Length): the connection must close
     */
    boolean finish() throws IOException {
        if (!committed) {
            if (contentLength < 0 && !Status.forbidsBody(status)) {
                contentLength = 0;
            }
            commit(null);
        }
        if (chunked != null) {
            chunked.finish();
        }
        if (body instanceof FixedBody f && f.written != contentLength && !head) {
            return false;
        }
        return mode != Mode.UNTIL_CLOSE;
    }

    /** Resets an uncommitted response to an error (status and text), optionally closing the connection afterwards. */
    void resetToError(int code, String text, boolean close) throws IOException {
        headers = Headers.builder();
        contentLength = -1;
        closeRequested |= close;
        sendText(code, text + "\n");
    }

    boolean keepAlive() {
        return keepAlive;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    /** A body of exactly Content-Length bytes; HEAD discards. */
    private final class FixedBody extends OutputStream {
        private final long length;
        long written;

        FixedBody(long length) {
            this.length = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > length) {
                throw new IOException("the response body is longer than its Content-Length of " + length + " bytes");
            }
            written += len;
            if (!head) {
                out.write(b, off, len);
                bodyBytes += len;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the server ends the response
        }
    }

    /** Chunked, close-delimited or no body; HEAD and bodiless statuses discard. */
    private final class Sink extends OutputStream {
        private final OutputStream target;

        Sink(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (target != null && !head) {
                target.write(b, off, len);
                bodyBytes += len;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the server ends the response
        }
    }
}
