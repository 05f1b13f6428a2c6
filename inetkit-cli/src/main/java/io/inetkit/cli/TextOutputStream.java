package io.inetkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written to a text writer, decoded as UTF-8 (invalid bytes become U+FFFD). Used only
 * when a caller runs the command with a PrintWriter for stdout, e.g. tests of text output.
 */
final class TextOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    TextOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    private void decode(boolean endOfInput) {
        pending.flip();
        while (true) {
            boolean overflow = decoder.decode(pending, chars, endOfInput).isOverflow();
            chars.flip();
            writer.append(chars);
            chars.clear();
            if (!overflow) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        decode(true);
        writer.flush();
    }
}
