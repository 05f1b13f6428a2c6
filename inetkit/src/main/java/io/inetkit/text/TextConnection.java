package io.inetkit.text;

import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import io.inetkit.net.TlsConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One connection of a line protocol (FTP control, SMTP, POP3, IMAP, NNTP, Gopher): a socket,
 * a bounded {@link LineReader}, a {@link LineWriter} and a {@link Transcript}. Protocol
 * clients hold one and stay thin; the reply code is checked here, once.
 *
 * <pre>{@code
 * try (TextConnection text = TextConnection.connect(Dialer.defaults(), Endpoint.of("mx.example.org", 25),
 *         TextOptions.DEFAULT)) {
 *     text.readReply(220);
 *     text.command(250, "EHLO client.example.org");
 *     text.command(2, "MAIL FROM:<%s>", sender);   // CR/LF in sender is refused
 *     text.command(354, "DATA");
 *     try (OutputStream body = text.bodyWriter()) { message.writeTo(body); }
 *     text.readReply(250);
 * }
 * }</pre>
 *
 * <p>Streams stay in step: a body returned by {@link #body()} that the caller did not read to
 * the end is drained before the next command is sent.
 *
 * <p>Not thread-safe: one thread uses a connection at a time ({@link #close()} excepted).
 */
public final class TextConnection implements Closeable {

    /** Pipelines larger than this are sent from a second thread, so that neither side blocks on a full buffer. */
    private static final int INLINE_PIPELINE_BYTES = 16 * 1024;

    private final TextOptions options;
    private final Transcript transcript;
    private Socket socket;
    private LineReader reader;
    private LineWriter writer;
    private ReplyReader replies;
    private DotInputStream openBody;
    private DotOutputStream openBodyWriter;

    /**
     * Wraps a connected socket. The socket's read timeout ({@code SO_TIMEOUT}) applies to
     * every read; set a finite one (the {@link Dialer} does).
     *
     * @param socket a connected socket, plain or TLS
     * @param options limits, charset and transcript
     * @throws IOException if the socket's streams cannot be opened
     */
    public TextConnection(Socket socket, TextOptions options) throws IOException {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.options = Objects.requireNonNull(options, "options");
        this.transcript = options.transcript();
        rebuild(socket, options.charset());
    }

    /**
     * Connects with a dialer, in plain text (STARTTLS may follow).
     *
     * @param dialer the dialer
     * @param endpoint where to connect
     * @param options limits, charset and transcript
     * @return the connection; read the greeting next
     * @throws IOException if the connection fails
     */
    public static TextConnection connect(Dialer dialer, Endpoint endpoint, TextOptions options) throws IOException {
        return wrap(dialer.connect(endpoint), options);
    }

    /**
     * Connects with a dialer and implicit TLS (SMTPS, IMAPS, POP3S, NNTPS, FTPS).
     *
     * @param dialer the dialer, whose TLS settings are used
     * @param endpoint where to connect
     * @param options limits, charset and transcript
     * @return the connection; read the greeting next
     * @throws IOException if the connection or the handshake fails
     */
    public static TextConnection connectTls(Dialer dialer, Endpoint endpoint, TextOptions options) throws IOException {
        return wrap(dialer.connectTls(endpoint), options);
    }

    private static TextConnection wrap(Socket s, TextOptions options) throws IOException {
        try {
            return new TextConnection(s, options);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void rebuild(Socket s, Charset charset) throws IOException {
        this.socket = s;
        this.reader = new LineReader(s.getInputStream(), charset, options.maxLineLength());
        this.writer = new LineWriter(s.getOutputStream(), charset);
        this.replies = new ReplyReader(reader, options.maxReplyLines(), transcript);
    }

    // ---- sending ----

    /**
     * Sends one line and flushes.
     *
     * @param line the line without CRLF
     * @throws IllegalArgumentException if it contains CR, LF or NUL
     * @throws IOException on I/O errors
     */
    public void send(String line) throws IOException {
        sendMasked(line, line);
    }

    /**
     * Sends a line holding a secret (password, token) and records only {@code masked} in the
     * transcript, e.g. {@code sendSecret("PASS " + pw, "PASS ****")}.
     *
     * @param line the line without CRLF
     * @param masked what the transcript shows instead
     * @throws IOException on I/O errors
     */
    public void sendSecret(String line, String masked) throws IOException {
        sendMasked(line, Objects.requireNonNull(masked, "masked"));
    }

    private void sendMasked(String line, String shown) throws IOException {
        LineWriter.encode(line, writer.charset()); // refuse a bad line before anything is recorded or sent
        prepareForCommand();
        transcript.record(Transcript.Direction.SENT, shown);
        writer.writeLine(line);
        writer.flush();
    }

    /**
     * Sends a command and reads its reply, checking the code.
     *
     * @param expect 0 (any), a class ({@code 2}), a decade ({@code 25}) or a code ({@code 250})
     * @param line the command line without CRLF
     * @return the reply
     * @throws ReplyException if the code does not match (carries the reply)
     * @throws IllegalArgumentException if the line contains CR, LF or NUL
     * @throws IOException on I/O and protocol errors
     */
    public Reply command(int expect, String line) throws IOException {
        Reply.checkExpect(expect);
        send(line);
        return readReply(expect);
    }

    /**
     * Formats a command with {@link String#format} and sends it as {@link #command(int, String)}.
     * The arguments are checked like the rest of the line: CR, LF or NUL in them is refused.
     *
     * @param expect the expected code, class or decade
     * @param format the format, e.g. {@code "RCPT TO:<%s>"}
     * @param args the arguments
     * @return the reply
     * @throws IOException as {@link #command(int, String)}
     */
    public Reply command(int expect, String format, Object... args) throws IOException {
        return command(expect, String.format(java.util.Locale.ROOT, format, args));
    }

    /**
     * Sends a command that holds a secret, recording only {@code masked}, and reads its reply.
     *
     * @param expect the expected code, class or decade
     * @param line the command line
     * @param masked what the transcript shows instead
     * @return the reply
     * @throws IOException as {@link #command(int, String)}
     */
    public Reply commandSecret(int expect, String line, String masked) throws IOException {
        Reply.checkExpect(expect);
        sendSecret(line, masked);
        return readReply(expect);
    }

    /**
     * Sends a POP3-style command and requires {@code +OK}.
     *
     * @param line the command line
     * @return the {@code +OK} reply
     * @throws StatusReplyException on {@code -ERR} (carries the reply)
     * @throws IOException on I/O and protocol errors
     */
    public StatusReply statusCommand(String line) throws IOException {
        send(line);
        return readStatusOk();
    }

    // ---- receiving ----

    /**
     * Reads a numeric reply (e.g. the greeting) and checks its code.
     *
     * @param expect the expected code, class or decade; 0 for any
     * @return the reply
     * @throws ReplyException if the code does not match
     * @throws ReadTimeoutException if the server does not answer in time
     * @throws IOException on I/O and protocol errors
     */
    public Reply readReply(int expect) throws IOException {
        Reply.checkExpect(expect);
        try {
            return replies.readReply(expect);
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        }
    }

    /**
     * Reads a status reply ({@code +OK}, {@code -ERR}, {@code +}) without judging it.
     *
     * @return the reply
     * @throws IOException on I/O and protocol errors
     */
    public StatusReply readStatus() throws IOException {
        try {
            return replies.readStatus();
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        }
    }

    /**
     * Reads a status reply and requires {@code +OK}.
     *
     * @return the reply
     * @throws StatusReplyException on {@code -ERR} or {@code +}
     * @throws IOException on I/O and protocol errors
     */
    public StatusReply readStatusOk() throws IOException {
        StatusReply r = readStatus();
        if (!r.isOk()) {
            throw new StatusReplyException(r);
        }
        return r;
    }

    /**
     * Reads a header block (e.g. NNTP HEAD, or the head of a message body).
     *
     * @param rules strictness and limits
     * @return the headers
     * @throws IOException on I/O and protocol errors
     */
    public HeaderBlock readHeaders(HeaderRules rules) throws IOException {
        try {
            return HeaderBlock.read(reader, rules, transcript);
        } catch (SocketTimeoutException e) {
            throw timeout(e);
        }
    }

    /**
     * Opens the dot-terminated body that follows a reply (POP3 RETR, NNTP ARTICLE, LIST
     * output). Read it, or not: whatever is left is drained before the next command.
     *
     * @return the un-stuffed body, ending at the {@code .} line
     */
    public InputStream body() {
        if (openBody != null && !openBody.isFinished()) {
            throw new IllegalStateException("the previous body has not been read to the end");
        }
        DotInputStream b = new DotInputStream(reader.asInputStream(), options.maxBodyBytes(),
                n -> transcript.record(Transcript.Direction.RECEIVED, "<" + n + " bytes>"));
        openBody = b;
        return b;
    }

    /**
     * Opens a dot-stuffing writer for a body (SMTP DATA, NNTP POST). Closing it writes the
     * final {@code .} and flushes; then read the reply with {@link #readReply(int)}.
     *
     * @return the body stream; close it before the next command
     */
    public OutputStream bodyWriter() {
        if (openBodyWriter != null) {
            throw new IllegalStateException("the previous body writer has not been closed");
        }
        DotOutputStream w = new DotOutputStream(writer.raw(), n -> {
            openBodyWriter = null;
            transcript.record(Transcript.Direction.SENT, "<" + n + " bytes>");
        });
        openBodyWriter = w;
        return w;
    }

    // ---- pipelining ----

    /**
     * Sends all commands, then reads their replies in order (RFC 2920 SMTP PIPELINING,
     * RFC 3977 NNTP). Replies are not checked: look at each code. For commands whose replies
     * are followed by a body, use {@link #pipeline(List, ExchangeHandler)}.
     *
     * @param commands the command lines
     * @return one exchange per command, in order
     * @throws IllegalArgumentException if any command contains CR, LF or NUL (nothing is sent)
     * @throws IOException on I/O and protocol errors; the connection is then closed
     */
    public List<Exchange> pipeline(List<String> commands) throws IOException {
        return pipelineCommands(commands.stream().map(PipelinedCommand::of).toList());
    }

    /**
     * Sends all commands and passes each reply to a handler as it arrives; the handler may
     * read a body with {@link #body()}. Large pipelines are written from a second (virtual)
     * thread while replies are read, so a server that answers before reading everything
     * cannot deadlock the two.
     *
     * @param commands the command lines
     * @param handler receives each command and its reply
     * @throws IllegalArgumentException if any command contains CR, LF or NUL (nothing is sent)
     * @throws IOException if reading or the handler fails; the connection is then closed,
     *     because the replies to the remaining commands are still on their way
     */
    public void pipeline(List<String> commands, ExchangeHandler handler) throws IOException {
        pipelineCommands(commands.stream().map(PipelinedCommand::of).toList(), handler);
    }

    /**
     * Like {@link #pipeline(List)}, for commands that may hold secrets: the exchanges carry each
     * command as shown (masked for a secret).
     *
     * @param commands the commands
     * @return one exchange per command, in order
     * @throws IOException as {@link #pipeline(List)}
     */
    public List<Exchange> pipelineCommands(List<PipelinedCommand> commands) throws IOException {
        List<Exchange> out = new ArrayList<>(commands.size());
        pipelineCommands(commands, (c, r) -> out.add(new Exchange(c, r)));
        return out;
    }

    /**
     * Like {@link #pipeline(List, ExchangeHandler)}, for commands that may hold secrets: each
     * is sent as its {@link PipelinedCommand#line() line} and recorded, and passed to the
     * handler, as its {@link PipelinedCommand#shown() shown} form.
     *
     * @param commands the commands
     * @param handler receives each command as shown and its reply
     * @throws IllegalArgumentException if any line contains CR, LF or NUL (nothing is sent)
     * @throws IOException as {@link #pipeline(List, ExchangeHandler)}
     */
    public void pipelineCommands(List<PipelinedCommand> commands, ExchangeHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        runPipeline(commands, () -> readReply(0), handler::handle);
    }

    /**
     * Sends all commands, then reads their POP3-style status replies in order (RFC 2449
     * PIPELINING). Replies are not checked: look at each one.
     *
     * @param commands the commands (a secret, e.g. {@code PASS}, is shown masked)
     * @return one exchange per command, in order
     * @throws IllegalArgumentException if any line contains CR, LF or NUL (nothing is sent)
     * @throws IOException on I/O and protocol errors; the connection is then closed
     */
    public List<StatusExchange> statusPipeline(List<PipelinedCommand> commands) throws IOException {
        List<StatusExchange> out = new ArrayList<>(commands.size());
        statusPipeline(commands, (c, r) -> out.add(new StatusExchange(c, r)));
        return out;
    }

    /**
     * Sends all commands and passes each status reply to a handler as it arrives; the handler
     * may read a multi-line body (e.g. after {@code +OK} to {@code RETR} or {@code LIST}) with
     * {@link #body()}. Large pipelines are written from a second (virtual) thread.
     *
     * @param commands the commands (a secret is shown masked)
     * @param handler receives each command as shown and its reply
     * @throws IllegalArgumentException if any line contains CR, LF or NUL (nothing is sent)
     * @throws IOException if reading or the handler fails; the connection is then closed
     */
    public void statusPipeline(List<PipelinedCommand> commands, StatusExchangeHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        runPipeline(commands, this::readStatus, handler::handle);
    }

    /** Reads one reply of a pipeline. */
    @FunctionalInterface
    private interface ReplyRead<R> {
        R read() throws IOException;
    }

    /** Hands one command (as shown) and its reply to the caller's handler. */
    @FunctionalInterface
    private interface ReplyUse<R> {
        void use(String shown, R reply) throws IOException;
    }

    /** The pipeline engine for both reply styles. */
    private <R> void runPipeline(List<PipelinedCommand> commands, ReplyRead<R> read, ReplyUse<R> use) throws IOException {
        List<PipelinedCommand> all = List.copyOf(commands);
        List<String> lines = all.stream().map(PipelinedCommand::line).toList();
        long total = 0;
        for (String line : lines) {
            total += LineWriter.encode(line, writer.charset()).length + 2L;
        }
        prepareForCommand();
        for (PipelinedCommand c : all) {
            transcript.record(Transcript.Direction.SENT, c.shown());
        }
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Runnable sendAll = () -> {
            try {
                for (String line : lines) {
                    writer.writeLine(line);
                }
                writer.flush();
            } catch (IOException e) {
                writeFailure.set(e);
            }
        };
        Thread sender = null;
        if (total <= INLINE_PIPELINE_BYTES) {
            sendAll.run();
        } else {
            sender = Thread.ofVirtual().name("inetkit-pipeline-sender").start(sendAll);
        }
        try {
            for (PipelinedCommand c : all) {
                if (writeFailure.get() != null) {
                    throw writeFailure.get();
                }
                use.use(c.shown(), read.read());
                finishBody();
            }
        } catch (IOException | RuntimeException e) {
            close(); // out of step; also unblocks the sender
            join(sender);
            throw e;
        }
        join(sender);
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
    }

    private static void join(Thread t) throws IOException {
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while sending a pipeline");
        }
    }

    // ---- TLS ----

    /**
     * Upgrades the connection to TLS after the server accepted STARTTLS (or AUTH TLS, STLS).
     * Refuses if the server has sent anything after that reply: such bytes arrived
     * unencrypted and could be an injected reply. Then wraps the socket, handshakes,
     * verifies the certificate and host name and rebuilds the reader and writer. The caller
     * must forget what it knew about the server (capabilities) and ask again.
     *
     * @param tls the TLS settings
     * @param host the host name the certificate must match
     * @throws StartTlsInjectionException if plaintext bytes were waiting; the connection is closed
     * @throws io.inetkit.net.TlsException if the handshake or verification fails; the connection is closed
     * @throws IOException on other I/O errors
     */
    public void startTls(TlsConfig tls, String host) throws IOException {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(host, "host");
        if (isTls()) {
            throw new IllegalStateException("the connection already uses TLS");
        }
        prepareForCommand();
        int waiting = reader.buffered() + socket.getInputStream().available();
        if (waiting > 0) {
            close();
            throw new StartTlsInjectionException(waiting);
        }
        SSLSocket s = tls.upgrade(socket, host, socket.getPort()); // closes the socket on failure
        rebuild(s, reader.charset());
    }

    /** @return true if the connection runs over TLS (implicit or after STARTTLS) */
    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** @return the TLS session, or null in plain text */
    public SSLSession tlsSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    // ---- state ----

    /**
     * Changes the line charset after the protocol negotiated one (e.g. UTF-8).
     *
     * @param charset the new charset for commands and replies
     */
    public void setCharset(Charset charset) {
        reader.setCharset(charset);
        writer.setCharset(charset);
    }

    /** @return the current line charset */
    public Charset charset() {
        return reader.charset();
    }

    /** @return the socket (plain or TLS); do not read or write it directly */
    public Socket socket() {
        return socket;
    }

    /** @return the line reader, for protocol layers with special framing (IMAP literals) */
    public LineReader reader() {
        return reader;
    }

    /** @return the line writer, for protocol layers with special framing */
    public LineWriter writer() {
        return writer;
    }

    /** @return the options this connection was made with */
    public TextOptions options() {
        return options;
    }

    /** Closes the socket. Safe to call from another thread to abort a blocked read. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void prepareForCommand() throws IOException {
        if (openBodyWriter != null) {
            throw new IllegalStateException("close the body writer (which sends the final dot) before the next command");
        }
        finishBody();
    }

    private void finishBody() throws IOException {
        if (openBody != null) {
            DotInputStream b = openBody;
            openBody = null;
            try {
                b.close(); // drain what the caller did not read
            } catch (SocketTimeoutException e) {
                throw timeout(e);
            }
        }
    }

    private ReadTimeoutException timeout(SocketTimeoutException e) throws IOException {
        if (e instanceof ReadTimeoutException rte) {
            return rte;
        }
        int ms = socket.getSoTimeout();
        return new ReadTimeoutException("no answer from " + socket.getInetAddress().getHostAddress() + ":"
                + socket.getPort() + " within " + ms + " ms", e);
    }
}
