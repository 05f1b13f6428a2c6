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
class HeaderBlockTest {

    private static HeaderBlock read(String wire, HeaderRules rules) throws Exception {
        return HeaderBlock.read(new LineReader(new ByteArrayInputStream(ascii(wire)), StandardCharsets.ISO_8859_1), rules);
    }

    @Test
    void readsUnfoldsKeepsOrderAtEverySplit() throws Exception {
        byte[] wire = ascii("Received: from a\r\n\tby b\r\nSubject:  Hello\r\n world \r\nreceived: from c\r\nX-Empty:\r\n\r\nbody\r\n");
        Feeds.everySplit(wire, (in, how) -> {
            LineReader lr = new LineReader(in, StandardCharsets.ISO_8859_1);
            HeaderBlock h = HeaderBlock.read(lr, HeaderRules.MAIL);
            assertThat(h.headers()).as(how).containsExactly(
                    new Header("Received", "from a\tby b"),
                    new Header("Subject", "Hello world"),
                    new Header("received", "from c"),
                    new Header("X-Empty", ""));
            assertThat(lr.readLine()).isEqualTo("body");
        });
        HeaderBlock h = read("Subject: x\r\nRECEIVED: 1\r\nReceived: 2\r\n\r\n", HeaderRules.MAIL);
        assertThat(h.first("subject")).contains("x");
        assertThat(h.all("received")).containsExactly("1", "2");
        assertThat(h.contains("SUBJECT")).isTrue();
        assertThat(h.first("From")).isEmpty();
        assertThat(h.size()).isEqualTo(3);
        assertThat(read("\r\n", HeaderRules.MAIL).headers()).isEmpty();
    }

    @Test
    void lenientToleratesBlanksBeforeTheColonStrictDoesNot() throws Exception {
        assertThat(read("Subject : hi\r\n\r\n", HeaderRules.MAIL).first("Subject")).contains("hi");
        assertThatThrownBy(() -> read("Host : evil\r\n\r\n", HeaderRules.HTTP))
                .isInstanceOf(MalformedHeaderException.class).hasMessageContaining("blank before the colon");
        assertThatThrownBy(() -> read("Host: a\r\n b\r\n\r\n", HeaderRules.HTTP))
                .isInstanceOf(MalformedHeaderException.class).hasMessageContaining("obsolete line folding");
        assertThatThrownBy(() -> read("Bad(Name): x\r\n\r\n", HeaderRules.HTTP)).isInstanceOf(MalformedHeaderException.class);
        assertThatThrownBy(() -> read("X: a\u0000b\r\n\r\n", HeaderRules.HTTP)).hasMessageContaining("control character");
        assertThat(read("Content-Length: 5\r\n\r\n", HeaderRules.HTTP).first("content-length")).contains("5");
    }

    @Test
    void malformedLines() {
        for (String bad : List.of(" starts folded\r\n\r\n", "no colon here\r\n\r\n", ": empty name\r\n\r\n", "Bad\u0001: x\r\n\r\n")) {
            assertThatThrownBy(() -> read(bad, HeaderRules.MAIL)).as(bad)
                    .isInstanceOf(MalformedHeaderException.class)
                    .isInstanceOf(MalformedReplyException.class);
        }
    }

    @Test
    void limitsAndEarlyEnd() {
        HeaderRules small = new HeaderRules(HeaderRules.Strictness.LENIENT, 100, 3);
        assertThatThrownBy(() -> read("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", small))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 3 fields");
        assertThatThrownBy(() -> read("A: " + "x".repeat(200) + "\r\n\r\n", small))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("larger than 100 bytes");
        // Endless folding cannot grow one value past the byte limit.
        assertThatThrownBy(() -> HeaderBlock.read(new LineReader(new Feeds.Endless(ascii("A: b\r\n"), (byte) ' ') {
            private int n;

            @Override
            public int read() {
                int c = super.read();
                return consumed > 6 && ++n % 10 == 0 ? '\n' : c;
            }
        }, StandardCharsets.ISO_8859_1), small)).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> read("A: 1\r\nB: 2\r\n", HeaderRules.MAIL))
                .isInstanceOfSatisfying(ConnectionClosedException.class, e -> assertThat(e.partial()).isEqualTo("B: 2"));
        assertThatThrownBy(() -> new HeaderRules(HeaderRules.Strictness.STRICT, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
