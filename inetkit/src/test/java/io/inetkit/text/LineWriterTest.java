package io.inetkit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineWriterTest {

    @Test
    void appendsCrlfAndSendsOnlyOnFlush() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineWriter w = new LineWriter(out, StandardCharsets.US_ASCII);
        w.writeLine("EHLO client");
        w.writeLine("");
        assertThat(out.size()).isZero();
        w.flush();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("EHLO client\r\n\r\n");
    }

    @Test
    void refusesCrLfAndNulInsideALine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineWriter w = new LineWriter(out, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> w.writeLine("RCPT TO:<a@b>\r\nDATA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carriage return (CR) at index 13").hasMessageContaining("command injection");
        assertThatThrownBy(() -> w.writeLine("CWD x\ny")).hasMessageContaining("line feed (LF) at index 5");
        assertThatThrownBy(() -> w.writeLine("USER a\0b")).hasMessageContaining("NUL character at index 6");
        w.flush();
        assertThat(out.size()).as("nothing of a refused line is sent").isZero();
    }

    @Test
    void refusesCharactersTheCharsetCannotCarry() throws Exception {
        LineWriter w = new LineWriter(new ByteArrayOutputStream(), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> w.writeLine("CWD Grüße")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("US-ASCII");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineWriter utf8 = new LineWriter(out, StandardCharsets.US_ASCII);
        utf8.setCharset(StandardCharsets.UTF_8);
        utf8.writeLine("CWD Grüße");
        utf8.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("CWD Grüße\r\n");
    }

    @Test
    void rawStreamCloseOnlyFlushes() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        LineWriter w = new LineWriter(out, StandardCharsets.US_ASCII);
        try (OutputStream raw = w.raw()) {
            raw.write(new byte[] {1, 2, 3});
        }
        assertThat(sink.toByteArray()).containsExactly(1, 2, 3);
        assertThat(closed[0]).isFalse();
    }
}
