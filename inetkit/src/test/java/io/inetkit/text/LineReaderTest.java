package io.inetkit.text;

import static io.inetkit.text.Feeds.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LineReaderTest {

    @Test
    void crlfAndBareLfAtEverySplit() throws Exception {
        byte[] data = ascii("220 hello\r\nbare\n\r\n\nlast\r\n");
        Feeds.everySplit(data, (in, how) -> assertThat(Feeds.lines(new LineReader(in, StandardCharsets.ISO_8859_1)))
                .as(how).containsExactly("220 hello", "bare", "", "", "last"));
    }

    @Test
    void crInsideALineIsData() throws Exception {
        LineReader r = new LineReader(new ByteArrayInputStream(ascii("a\rb\r\r\n")), StandardCharsets.ISO_8859_1);
        assertThat(r.readLine()).isEqualTo("a\rb\r");
    }

    @Test
    void endOfStreamMidLineCarriesThePartialLine() throws Exception {
        Feeds.everySplit(ascii("one\r\ntwo"), (in, how) -> {
            LineReader r = new LineReader(in, StandardCharsets.ISO_8859_1);
            assertThat(r.readLine()).isEqualTo("one");
            assertThatThrownBy(r::readLine).as(how).isInstanceOfSatisfying(ConnectionClosedException.class,
                    e -> assertThat(e.partial()).isEqualTo("two"));
        });
    }

    @Test
    void lineAtTheLimitIsAcceptedOneMoreIsNot() throws Exception {
        Feeds.everySplit(ascii("12345\r\n123456\r\n"), (in, how) -> {
            LineReader r = new LineReader(in, StandardCharsets.ISO_8859_1, 5);
            assertThat(r.readLine()).as(how).isEqualTo("12345");
            assertThatThrownBy(r::readLine).as(how).isInstanceOf(LineTooLongException.class)
                    .hasMessageContaining("longer than 5 bytes");
        });
        LineReader lf = new LineReader(new ByteArrayInputStream(ascii("123456\n")), StandardCharsets.ISO_8859_1, 5);
        assertThatThrownBy(lf::readLine).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void endlessLineStopsAtTheLimitWithoutReadingMuchMore() {
        Feeds.Endless endless = new Feeds.Endless(null, (byte) 'a');
        LineReader r = new LineReader(endless, StandardCharsets.ISO_8859_1, 1000);
        assertThatThrownBy(r::readLine).isInstanceOf(LineTooLongException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).limit()).isEqualTo(1000));
        assertThat(endless.consumed).isLessThanOrEqualTo(1000 + 8192);
        Feeds.Endless oneByte = new Feeds.Endless(null, (byte) 'a') {
            @Override
            public int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThatThrownBy(new LineReader(oneByte, StandardCharsets.ISO_8859_1, 1000)::readLine)
                .isInstanceOf(LineTooLongException.class);
        assertThat(oneByte.consumed).isLessThanOrEqualTo(1002);
    }

    @Test
    void rawBytesAndBufferedCount() throws Exception {
        Feeds.everySplit(ascii("* 1 FETCH {5}\r\nHELLO)\r\nrest"), (in, how) -> {
            LineReader r = new LineReader(in, StandardCharsets.ISO_8859_1);
            assertThat(r.readLine()).isEqualTo("* 1 FETCH {5}");
            assertThat(new String(r.readBytes(5), StandardCharsets.ISO_8859_1)).as(how).isEqualTo("HELLO");
            assertThat(r.readLine()).isEqualTo(")");
            assertThat(r.read()).isEqualTo('r');
            byte[] b = new byte[10];
            int n = r.read(b, 0, 10);
            assertThat(n).isBetween(1, 3);
            assertThatThrownBy(() -> r.readBytes(10)).isInstanceOf(ConnectionClosedException.class);
        });
        LineReader r = new LineReader(new ByteArrayInputStream(ascii("250 ok\r\ninjected\r\n")), StandardCharsets.ISO_8859_1);
        assertThat(r.buffered()).isZero();
        r.readLine();
        assertThat(r.buffered()).isEqualTo(10);
        r.readLine();
        assertThat(r.buffered()).isZero();
        assertThat(r.readLine()).isNull();
        assertThat(r.read()).isEqualTo(-1);
    }

    @Test
    void charsetIsExplicitAndCanChange() throws Exception {
        byte[] utf8 = "Grüße\r\nGrüße\r\n".getBytes(StandardCharsets.UTF_8);
        LineReader r = new LineReader(new ByteArrayInputStream(utf8), StandardCharsets.ISO_8859_1);
        assertThat(r.readLine()).isEqualTo(new String("Grüße".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        r.setCharset(StandardCharsets.UTF_8);
        assertThat(r.readLine()).isEqualTo("Grüße");
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8CharactersSplitAcrossReadsDecodeWhole() throws Exception {
        // Multi-byte characters cut at every byte boundary, including inside a character.
        byte[] utf8 = "Grüße aus Köln ✓\r\n日本語\nok\r\n".getBytes(StandardCharsets.UTF_8);
        Feeds.everySplit(utf8, (in, how) -> assertThat(Feeds.lines(new LineReader(in, StandardCharsets.UTF_8)))
                .as(how).containsExactly("Grüße aus Köln ✓", "日本語", "ok"));
    }

    @Test
    void asInputStreamSharesTheBuffer() throws Exception {
        LineReader r = new LineReader(new ByteArrayInputStream(ascii("head\r\nbody bytes")), StandardCharsets.ISO_8859_1);
        assertThat(r.readLine()).isEqualTo("head");
        assertThat(new String(r.asInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("body bytes");
        assertThat(Feeds.lines(r)).isEqualTo(List.of());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new LineReader(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
