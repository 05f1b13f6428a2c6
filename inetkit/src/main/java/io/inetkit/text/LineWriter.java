package io.inetkit.text;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Writes CRLF-terminated lines. A line that contains CR, LF or NUL is refused with an
 * {@link IllegalArgumentException}: such a character in a user-supplied argument would end
 * the command early and let the rest run as a second command (command injection).
 *
 * <p>Output is buffered; nothing reaches the peer before {@link #flush()}. Not thread-safe.
 */
public final class LineWriter implements Flushable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final BufferedOutputStream out;
    private Charset charset;

    /**
     * Creates a writer.
     *
     * @param out the stream to write (usually a socket's)
     * @param charset how lines are encoded; characters it cannot encode are refused
     */
    public LineWriter(OutputStream out, Charset charset) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 8192);
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /**
     * Changes the charset for later lines, after the protocol negotiated one
     * (e.g. UTF-8 after {@code OPTS UTF8 ON} or {@code ENABLE UTF8=ACCEPT}).
     *
     * @param charset the new charset
     */
    public void setCharset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    /** @return the charset lines are encoded with */
    public Charset charset() {
        return charset;
    }

    /**
     * Checks that a line may be sent: no CR, LF or NUL.
     *
     * @param line the line without terminator
     * @throws IllegalArgumentException naming the character and its index
     */
    public static void checkLine(String line) {
        Objects.requireNonNull(line, "line");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String name = switch (c) {
                case '\r' -> "a carriage return (CR)";
                case '\n' -> "a line feed (LF)";
                case '\0' -> "a NUL character";
                default -> null;
            };
            if (name != null) {
                throw new IllegalArgumentException("refusing to send a line containing " + name + " at index " + i
                        + ": it would split the command in two (command injection)");
            }
        }
    }

    /**
     * Buffers a line followed by CRLF.
     *
     * @param line the line without terminator
     * @throws IllegalArgumentException if it contains CR, LF or NUL or cannot be encoded
     * @throws IOException on I/O errors
     */
    public void writeLine(String line) throws IOException {
        writeLine(line, charset);
    }

    /**
     * Buffers a line in the given charset followed by CRLF.
     *
     * @param line the line without terminator
     * @param cs the charset for this line
     * @throws IllegalArgumentException if it contains CR, LF or NUL or cannot be encoded
     * @throws IOException on I/O errors
     */
    public void writeLine(String line, Charset cs) throws IOException {
        out.write(encode(line, cs));
        out.write(CRLF);
    }

    /**
     * Checks and encodes a line without writing it.
     *
     * @param line the line
     * @param cs the charset
     * @return the encoded bytes, without CRLF
     */
    static byte[] encode(String line, Charset cs) {
        checkLine(line);
        try {
            ByteBuffer bb = cs.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(line));
            byte[] bytes = new byte[bb.remaining()];
            bb.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the line cannot be encoded in " + cs
                    + " (the protocol has not negotiated a charset that can carry it)", e);
        }
    }

    /**
     * Sends everything buffered.
     *
     * @throws IOException on I/O errors
     */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * The buffered byte stream under this writer, for bodies. Closing it only flushes.
     *
     * @return the raw stream
     */
    public OutputStream raw() {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
