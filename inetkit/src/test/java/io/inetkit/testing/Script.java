package io.inetkit.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * What a {@link ScriptedServer} says and expects on one connection, step by step. Lines are
 * encoded with the script's charset (UTF-8 unless given) and end in CRLF on the wire;
 * {@code expect} steps require the client's line byte for byte, CRLF included.
 *
 * <pre>{@code
 * Script smtp = Script.create()
 *         .send("220 mx ESMTP")
 *         .expect("EHLO client")
 *         .send("250-mx").send("250 PIPELINING")
 *         .expect("DATA").send("354 go ahead")
 *         .expectDotBody()
 *         .send("250 queued")
 *         .expect("QUIT").send("221 bye")
 *         .expectClose();
 * }</pre>
 *
 * <p>A mutable builder: build it, then hand it to a server, which copies its steps. After
 * {@link #close()}, {@link #reset()}, {@link #sendAndClose} or {@link #expectClose()} no step
 * may follow.
 */
public final class Script {
    private final Charset charset;
    private final List<Step> steps = new ArrayList<>();

    private Script(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /** {@return an empty script whose lines are UTF-8} */
    public static Script create() {
        return new Script(StandardCharsets.UTF_8);
    }

    /**
     * An empty script with another line charset.
     *
     * @param charset how lines are encoded and decoded
     * @return the script
     */
    public static Script create(Charset charset) {
        return new Script(charset);
    }

    /**
     * Parses a transcript like Go's net/smtp tests: {@code S: text} is a line the server sends,
     * {@code C: text} a line the client must send. Consecutive {@code S:} lines go out in one
     * write, as a real server sends a multi-line reply. Blank lines and lines starting with
     * {@code #} are skipped; {@code S:} or {@code C:} alone stand for an empty line.
     *
     * @param transcript the transcript, lines separated by LF or CRLF
     * @return the script (more steps may be added)
     * @throws IllegalArgumentException for a line without an {@code S:} or {@code C:} prefix
     */
    public static Script fromTranscript(String transcript) {
        return fromTranscript(transcript, StandardCharsets.UTF_8);
    }

    /**
     * Parses a transcript as {@link #fromTranscript(String)} does, with another line charset.
     *
     * @param transcript the transcript
     * @param charset how lines are encoded and decoded
     * @return the script
     */
    public static Script fromTranscript(String transcript, Charset charset) {
        Script script = create(charset);
        StringBuilder pending = new StringBuilder();
        String[] lines = transcript.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String text = body(line, i + 1);
            if (line.startsWith("S:")) {
                checkLine(text);
                pending.append(text).append("\r\n");
            } else {
                if (!pending.isEmpty()) {
                    script.sendRaw(pending.toString());
                    pending.setLength(0);
                }
                script.expect(text);
            }
        }
        if (!pending.isEmpty()) {
            script.sendRaw(pending.toString());
        }
        return script;
    }

    private static String body(String line, int number) {
        if (!line.startsWith("S:") && !line.startsWith("C:")) {
            throw new IllegalArgumentException("transcript line " + number + " must start with \"S: \" or \"C: \": " + line);
        }
        String rest = line.substring(2);
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    /**
     * Sends a line followed by CRLF.
     *
     * @param line the line, without CR or LF
     * @return this script
     */
    public Script send(String line) {
        checkLine(line);
        return add(new Step.Send((line + "\r\n").getBytes(charset)));
    }

    /**
     * Sends text exactly as given, encoded with the script's charset (add CRLF yourself).
     *
     * @param text the text
     * @return this script
     */
    public Script sendRaw(String text) {
        return sendRaw(text.getBytes(charset));
    }

    /**
     * Sends bytes exactly as given.
     *
     * @param bytes the bytes
     * @return this script
     */
    public Script sendRaw(byte[] bytes) {
        return add(new Step.Send(bytes.clone()));
    }

    /**
     * Sends a line, then closes the connection (e.g. {@code 421} service closing).
     *
     * @param line the line, without CR or LF
     * @return this script, now ended
     */
    public Script sendAndClose(String line) {
        return send(line).close();
    }

    /**
     * Expects the client's next line to be exactly this text followed by CRLF.
     *
     * @param line the line, without CR or LF
     * @return this script
     */
    public Script expect(String line) {
        checkLine(line);
        return add(new Step.Expect(line.getBytes(charset)));
    }

    /**
     * Expects the client's next line (ending in CRLF) to match a pattern in full.
     *
     * @param pattern the pattern the whole line must match
     * @return this script
     */
    public Script expectMatching(Pattern pattern) {
        return add(new Step.ExpectMatching(Objects.requireNonNull(pattern, "pattern"), charset));
    }

    /**
     * Expects the client's next line (ending in CRLF) to match a regular expression in full.
     *
     * @param regex the regular expression
     * @return this script
     */
    public Script expectMatching(String regex) {
        return expectMatching(Pattern.compile(regex));
    }

    /**
     * Expects exactly these bytes next (no line framing).
     *
     * @param bytes the bytes
     * @return this script
     */
    public Script expectRaw(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("expectRaw needs at least one byte");
        }
        return add(new Step.ExpectRaw(bytes.clone()));
    }

    /**
     * Expects exactly this text next, encoded with the script's charset (CRLF included if meant).
     *
     * @param text the text
     * @return this script
     */
    public Script expectRaw(String text) {
        return expectRaw(text.getBytes(charset));
    }

    /**
     * Reads a dot-terminated body (SMTP DATA, NNTP POST) up to the {@code .} line and keeps it,
     * un-stuffed, for {@link ScriptedConnection#bodies()}.
     *
     * @return this script
     */
    public Script expectDotBody() {
        return add(new Step.ExpectDotBody(null));
    }

    /**
     * Reads a dot-terminated body and requires its un-stuffed content to equal {@code expected}.
     *
     * @param expected the body after un-stuffing, CRLF line ends, without the {@code .} line
     * @return this script
     */
    public Script expectDotBody(String expected) {
        return add(new Step.ExpectDotBody(expected.getBytes(charset)));
    }

    /**
     * Upgrades the connection to TLS as the server, on the same socket (after the reply to
     * STARTTLS, STLS or AUTH TLS). Plaintext the client sent beyond the last line read is a failure.
     *
     * @param context holds the server's key and certificate
     * @return this script
     */
    public Script startTls(SSLContext context) {
        return add(new Step.StartTls(Objects.requireNonNull(context, "context")));
    }

    /**
     * Waits until the test counts the latch down (bounded by the server's expect timeout).
     *
     * @param latch the latch
     * @return this script
     */
    public Script pause(CountDownLatch latch) {
        return add(new Step.Pause(Objects.requireNonNull(latch, "latch")));
    }

    /**
     * Counts the latch down when the script gets here, so the test can wait for that point.
     *
     * @param latch the latch
     * @return this script
     */
    public Script signal(CountDownLatch latch) {
        return add(new Step.Signal(Objects.requireNonNull(latch, "latch")));
    }

    /** {@return this script, ended by closing the connection at once (FIN; over TLS close_notify first)} */
    public Script close() {
        return add(new Step.Close());
    }

    /** {@return this script, ended by resetting the connection (RST)} */
    public Script reset() {
        return add(new Step.Reset());
    }

    /** {@return this script, ended by waiting for the client to close without sending more} */
    public Script expectClose() {
        return add(new Step.ExpectClose());
    }

    /** {@return the line charset} */
    public Charset charset() {
        return charset;
    }

    /** {@return a script with the same charset and steps, unaffected by later changes to this one} */
    Script copy() {
        Script c = new Script(charset);
        c.steps.addAll(steps);
        return c;
    }

    /** {@return a copy of the steps so far} */
    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** {@return the steps, one per line, numbered as failure reports number them} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i + 1).append(". ").append(steps.get(i).describe()).append('\n');
        }
        return sb.toString();
    }

    private Script add(Step step) {
        if (!steps.isEmpty() && Step.isFinal(steps.getLast())) {
            throw new IllegalStateException("the script already ends with: " + steps.getLast().describe());
        }
        steps.add(step);
        return this;
    }

    private static void checkLine(String line) {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line must not contain CR or LF (use sendRaw/expectRaw): "
                    + Step.Escape.bytes(line.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
