package io.inetkit.text;

import static io.inetkit.text.Feeds.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DotStreamsTest {

    private static String encode(String body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream under = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (DotOutputStream dot = new DotOutputStream(under)) {
            dot.write(ascii(body));
        }
        assertThat(closed[0]).as("the underlying stream stays open").isFalse();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void dotOutputStuffsNormalisesAndTerminates() throws Exception {
        String[][] cases = {
                {"", ".\r\n"},
                {"a\r\n", "a\r\n.\r\n"},
                {"a", "a\r\n.\r\n"},
                {"a\n", "a\r\n.\r\n"},
                {".\r\n", "..\r\n.\r\n"},
                {"..x\n.y", "...x\r\n..y\r\n.\r\n"},
                {"a\r", "a\r\n.\r\n"},
                {"a\rb", "a\rb\r\n.\r\n"},
                {"x\n\n.", "x\r\n\r\n..\r\n.\r\n"},
                {"a.b\r\n", "a.b\r\n.\r\n"}};
        for (String[] c : cases) {
            assertThat(encode(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void dotOutputRefusesWritesAfterClose() throws Exception {
        DotOutputStream dot = new DotOutputStream(new ByteArrayOutputStream());
        dot.close();
        dot.close();
        assertThatThrownBy(() -> dot.write('x')).hasMessageContaining("already been closed");
    }

    @Test
    void dotInputUnstuffsAndStopsAtTheTerminatorAtEverySplit() throws Exception {
        byte[] wire = ascii("line 1\r\n..dotted\r\n.x\r\n.\rstill\r\n\r\n.\r\n+OK next\r\n");
        Feeds.everySplit(wire, (in, how) -> {
            LineReader lr = new LineReader(in, StandardCharsets.ISO_8859_1);
            DotInputStream body = new DotInputStream(lr.asInputStream(), 1000);
            assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).as(how)
                    .isEqualTo("line 1\r\n.dotted\r\nx\r\n\rstill\r\n\r\n");
            assertThat(body.isFinished()).isTrue();
            assertThat(body.read()).isEqualTo(-1);
            assertThat(lr.readLine()).as("the stream is in step after the body").isEqualTo("+OK next");
        });
    }

    @Test
    void dotInputAcceptsBareLfAndEmptyBodies() throws Exception {
        assertThat(readBody("a\n..b\n.\n")).isEqualTo("a\n.b\n");
        assertThat(readBody(".\r\n")).isEmpty();
        assertThat(readBody(".\n")).isEmpty();
    }

    private static String readBody(String wire) throws Exception {
        return new String(new DotInputStream(new ByteArrayInputStream(ascii(wire)), 100).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void dotInputLimitAndEarlyEnd() throws Exception {
        assertThatThrownBy(() -> new DotInputStream(new Feeds.Endless(null, (byte) 'x'), 5000).readAllBytes())
                .isInstanceOf(BodyTooLargeException.class).hasMessageContaining("5000 bytes");
        assertThat(new DotInputStream(new ByteArrayInputStream(ascii("12345\r\n.\r\n")), 7).readAllBytes()).hasSize(7);
        assertThatThrownBy(() -> new DotInputStream(new ByteArrayInputStream(ascii("12345\r\n.\r\n")), 6).readAllBytes())
                .isInstanceOf(BodyTooLargeException.class);
        Feeds.everySplit(ascii("partial body\r\n.."), (in, how) ->
                assertThatThrownBy(() -> new DotInputStream(in, 100).readAllBytes()).as(how)
                        .isInstanceOf(ConnectionClosedException.class)
                        .hasMessageContaining("before the end of the body"));
    }

    @Test
    void closeDrainsTheRest() throws Exception {
        LineReader lr = new LineReader(new ByteArrayInputStream(ascii("a\r\nb\r\n.\r\n250 ok\r\n")), StandardCharsets.ISO_8859_1);
        try (InputStream body = new DotInputStream(lr.asInputStream(), 100)) {
            assertThat(body.read()).isEqualTo('a');
        }
        assertThat(lr.readLine()).isEqualTo("250 ok");
    }

    @Test
    void randomBodiesRoundTrip() throws Exception {
        Random random = new Random(42);
        byte[] alphabet = ascii(".\r\nab ");
        for (int round = 0; round < 500; round++) {
            byte[] body = new byte[random.nextInt(60)];
            for (int i = 0; i < body.length; i++) {
                body[i] = alphabet[random.nextInt(alphabet.length)];
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try (DotOutputStream dot = new DotOutputStream(wire)) {
                dot.write(body);
            }
            byte[] decoded = new DotInputStream(new ByteArrayInputStream(wire.toByteArray()), 1000).readAllBytes();
            assertThat(new String(decoded, StandardCharsets.ISO_8859_1)).as("seed 42 round %d", round)
                    .isEqualTo(canonical(new String(body, StandardCharsets.ISO_8859_1)));
        }
    }

    @Test
    void bulkPathThroughLineReaderMatchesTheByteByBytePath() throws Exception {
        // DotInputStream copies whole line middles when it reads through a LineReader's view;
        // the result must equal the per-byte state machine on a plain stream, at every split.
        Random random = new Random(7);
        byte[] alphabet = ascii(".\r\nab ");
        for (int round = 0; round < 200; round++) {
            byte[] body = new byte[random.nextInt(40)];
            for (int i = 0; i < body.length; i++) {
                body[i] = alphabet[random.nextInt(alphabet.length)];
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try (DotOutputStream dot = new DotOutputStream(wire)) {
                dot.write(body);
            }
            wire.writeBytes(ascii("250 next\r\n"));
            byte[] expected = new DotInputStream(new ByteArrayInputStream(wire.toByteArray()), 1000).readAllBytes();
            int r = round;
            Feeds.everySplit(wire.toByteArray(), (in, how) -> {
                LineReader lr = new LineReader(in, StandardCharsets.ISO_8859_1);
                assertThat(new DotInputStream(lr.asInputStream(), 1000).readAllBytes()).as("round %d %s", r, how)
                        .isEqualTo(expected);
                assertThat(lr.readLine()).as("in step after round %d %s", r, how).isEqualTo("250 next");
            });
        }
    }

    @Test
    void bulkPathKeepsTheLimitAndReportsEarlyEnd() throws Exception {
        LineReader exact = new LineReader(new ByteArrayInputStream(ascii("12345\r\n.\r\n")), StandardCharsets.ISO_8859_1);
        assertThat(new DotInputStream(exact.asInputStream(), 7).readAllBytes()).hasSize(7);
        LineReader over = new LineReader(new ByteArrayInputStream(ascii("12345\r\n.\r\n")), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new DotInputStream(over.asInputStream(), 6).readAllBytes())
                .isInstanceOf(BodyTooLargeException.class);
        LineReader endless = new LineReader(new Feeds.Endless(null, (byte) 'x'), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new DotInputStream(endless.asInputStream(), 100_000).readAllBytes())
                .isInstanceOf(BodyTooLargeException.class).hasMessageContaining("100000 bytes");
        Feeds.everySplit(ascii("partial body\r\nmore"), (in, how) ->
                assertThatThrownBy(() -> new DotInputStream(new LineReader(in, StandardCharsets.ISO_8859_1).asInputStream(), 100)
                        .readAllBytes()).as(how)
                        .isInstanceOf(ConnectionClosedException.class)
                        .hasMessageContaining("before the end of the body"));
    }

    /** What the writer promises: bare LF as CRLF, an unfinished last line ended with CRLF. */
    private static String canonical(String body) {
        String s = body.replaceAll("(?<!\r)\n", "\r\n");
        if (!s.isEmpty() && !s.endsWith("\r\n")) {
            s = s.endsWith("\r") ? s + "\n" : s + "\r\n";
        }
        return s;
    }
}
