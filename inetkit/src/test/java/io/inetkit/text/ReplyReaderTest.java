package io.inetkit.text;

import static io.inetkit.text.Feeds.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class ReplyReaderTest {

    private static ReplyReader reader(String wire) {
        return new ReplyReader(new LineReader(new ByteArrayInputStream(ascii(wire)), StandardCharsets.ISO_8859_1));
    }

    @Test
    void multiLineRepliesAtEverySplit() throws Exception {
        // Netty's SmtpResponseDecoderTest fragments, and more.
        byte[] wire = ascii("200-Hello\r\n200 Ok\r\n250-mx.example.org\r\n250-PIPELINING\r\n250 SIZE 1000\r\n221 bye\r\n");
        Feeds.everySplit(wire, (in, how) -> {
            ReplyReader r = new ReplyReader(new LineReader(in, StandardCharsets.ISO_8859_1));
            assertThat(r.readReply()).as(how).isEqualTo(Reply.of(200, "Hello", "Ok"));
            assertThat(r.readReply(25)).isEqualTo(Reply.of(250, "mx.example.org", "PIPELINING", "SIZE 1000"));
            assertThat(r.readReply(221).text()).isEqualTo("bye");
        });
    }

    @Test
    void rfc959ContinuationLinesWithoutCode() throws Exception {
        Reply reply = reader("123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n123 The last line\r\n").readReply();
        assertThat(reply.code()).isEqualTo(123);
        assertThat(reply.lines()).containsExactly("First line", "Second line", "  234 A line beginning with numbers", "The last line");
        assertThat(reply.text()).isEqualTo("First line\nSecond line\n  234 A line beginning with numbers\nThe last line");
    }

    @Test
    void toleratesBrokenServers() throws Exception {
        // A continuation line with another code is text, not the end (old FTP STAT/HELP output).
        assertThat(reader("211-Status\r\n200 looks final but is not\r\n211 End\r\n").readReply().lines())
                .containsExactly("Status", "200 looks final but is not", "End");
        // Bare codes, as a whole reply and as the final line; bare LF endings.
        assertThat(reader("250\r\n").readReply()).isEqualTo(Reply.of(250, ""));
        assertThat(reader("250-a\n250\n").readReply()).isEqualTo(Reply.of(250, "a", ""));
        assertThat(reader("220 \r\n").readReply()).isEqualTo(Reply.of(220, ""));
    }

    @Test
    void repliesOfNamedBrokenServers() throws Exception {
        // ftp.ripe.net: an empty continuation line and a final line of the bare code, no space
        // (reported against node-ftp, mscdex/node-ftp#1, where it hung the client).
        assertThat(reader("200-blabla\r\n200-\r\n200\r\n").readReply()).isEqualTo(Reply.of(200, "blabla", "", ""));
        // A server answering "250-" then a bare "550" inside the reply (iterate-ch/cyberduck#15892):
        // the inner code is text, the reply is the 250 that ends it.
        assertThat(reader("250-\r\n550\r\n250\r\n").readReply()).isEqualTo(Reply.of(250, "", "550", ""));
        // Microsoft FTP Service 5.0 login banner (twisted/twisted#10719): a multi-line 230 that
        // clients reading one line per command mistook for the reply to the next command.
        Feeds.everySplit(ascii("230-Carolina Multiple Listing Services, Inc.\r\n230-Direct questions to xxx@example\r\n"
                + "230 User xxx logged in.\r\n200 Type set to I.\r\n"), (in, how) -> {
                    ReplyReader r = new ReplyReader(new LineReader(in, StandardCharsets.ISO_8859_1));
                    assertThat(r.readReply(230).lines()).as(how).containsExactly("Carolina Multiple Listing Services, Inc.",
                            "Direct questions to xxx@example", "User xxx logged in.");
                    assertThat(r.readReply(200).text()).isEqualTo("Type set to I.");
                });
        // A reply code inside the text of a line (erlang/otp#1196): only a line start counts.
        assertThat(reader("230-User usr-230 is logged in\r\n230 OK. Current directory is /\r\n").readReply().lines())
                .containsExactly("User usr-230 is logged in", "OK. Current directory is /");
        // ProFTPD's FEAT with MultilineRFC2228 (robinrodricks/FluentFTP#766): every line carries
        // "211-"; here with bare LF line ends as well.
        assertThat(reader("211-Features:\n211-AUTH TLS\n211-MDTM\n211-UTF8\n211 End\n").readReply().lines())
                .containsExactly("Features:", "AUTH TLS", "MDTM", "UTF8", "End");
    }

    @ParameterizedTest
    @CsvSource({"2,250,true", "2,354,false", "25,251,true", "25,260,false", "250,250,true", "250,251,false",
            "0,599,true", "3,354,true"})
    void expectationsAsInGo(int expect, int code, boolean matches) {
        assertThat(Reply.of(code, "x").matches(expect)).isEqualTo(matches);
    }

    @Test
    void unexpectedCodesThrowWithTheReply() throws Exception {
        assertThatThrownBy(() -> reader("451-Try\r\n451 later\r\n").readReply(2))
                .isInstanceOfSatisfying(ReplyException.class, e -> {
                    assertThat(e.reply()).isEqualTo(Reply.of(451, "Try", "later"));
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.isPermanent()).isFalse();
                    assertThat(e.kind()).isEqualTo(ReplyException.Kind.TRANSIENT);
                    assertThat(e.expected()).isEqualTo(2);
                })
                .hasMessage("server replied 451 Try | later (expected 2xx)");
        assertThatThrownBy(() -> reader("550 No such file\r\n").readReply(25))
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.kind()).isEqualTo(ReplyException.Kind.PERMANENT))
                .hasMessage("server replied 550 No such file (expected 25x)");
        assertThatThrownBy(() -> reader("354 go on\r\n").readReply(250))
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.kind()).isEqualTo(ReplyException.Kind.UNEXPECTED))
                .hasMessageContaining("(expected 250)");
        assertThatThrownBy(() -> reader("250 ok\r\n").readReply(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedReplies() {
        for (String bad : List.of("25 short\r\n", "abc def\r\n", "250xok\r\n", "050 zero class\r\n", "\r\n", "+OK pop3\r\n")) {
            assertThatThrownBy(() -> reader(bad).readReply()).as(bad)
                    .isInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("expected a three-digit reply code");
        }
        assertThatThrownBy(() -> reader("ab\u0001c\r\n").readReply()).hasMessageContaining("\\x01");
    }

    @Test
    void tooManyLinesAndTooLongLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("250-line ").append(i).append("\r\n");
        }
        ReplyReader r = new ReplyReader(new LineReader(new ByteArrayInputStream(ascii(sb + "250 end\r\n")),
                StandardCharsets.ISO_8859_1), 10, Transcript.NONE);
        assertThatThrownBy(r::readReply).isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 10 lines");
        ReplyReader endless = new ReplyReader(new LineReader(new Feeds.Endless(ascii("250-"), (byte) 'x'),
                StandardCharsets.ISO_8859_1, 512));
        assertThatThrownBy(endless::readReply).isInstanceOf(LineTooLongException.class);
        // An endless stream of short continuation lines stops at the line limit.
        ReplyReader manyLines = new ReplyReader(new LineReader(new Feeds.Endless(ascii("250-a\r\n"), (byte) '\n'),
                StandardCharsets.ISO_8859_1), 100, Transcript.NONE);
        assertThatThrownBy(manyLines::readReply).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void closedConnectionCarriesWhatWasRead() {
        assertThatThrownBy(() -> reader("").readReply()).isInstanceOf(ConnectionClosedException.class)
                .hasMessageContaining("instead of replying");
        assertThatThrownBy(() -> reader("250-one\r\n250-two\r\n").readReply())
                .isInstanceOfSatisfying(ConnectionClosedException.class, e -> assertThat(e.partial()).isEqualTo("one\ntwo"))
                .hasMessageContaining("middle of a reply");
    }

    @Test
    void statusRepliesAtEverySplit() throws Exception {
        byte[] wire = ascii("+OK POP3 ready\r\n-ERR [IN-USE] locked\r\n+ \r\n+\r\n+ok lower\r\n-ERR\r\n");
        Feeds.everySplit(wire, (in, how) -> {
            ReplyReader r = new ReplyReader(new LineReader(in, StandardCharsets.ISO_8859_1));
            assertThat(r.readStatusOk()).as(how).isEqualTo(new StatusReply(StatusReply.Status.OK, "POP3 ready"));
            assertThatThrownBy(r::readStatusOk).isInstanceOfSatisfying(StatusReplyException.class, e -> {
                assertThat(e.reply().text()).isEqualTo("[IN-USE] locked");
                assertThat(e.isTransient()).isTrue();
            }).hasMessage("server replied -ERR [IN-USE] locked");
            assertThat(r.readStatus()).isEqualTo(new StatusReply(StatusReply.Status.CONTINUE, ""));
            assertThat(r.readStatus().status()).isEqualTo(StatusReply.Status.CONTINUE);
            assertThat(r.readStatus()).isEqualTo(new StatusReply(StatusReply.Status.OK, "lower"));
            assertThatThrownBy(r::readStatusOk).isInstanceOfSatisfying(StatusReplyException.class,
                    e -> assertThat(e.isPermanent()).isTrue());
        });
        for (String bad : List.of("OK\r\n", "+OKAY\r\n", "-ERROR x\r\n", "250 ok\r\n")) {
            assertThatThrownBy(() -> reader(bad).readStatus()).as(bad).isInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("expected +OK or -ERR");
        }
    }

    @Test
    void receivedLinesReachTheTranscript() throws Exception {
        List<String> seen = new ArrayList<>();
        ReplyReader r = new ReplyReader(new LineReader(new ByteArrayInputStream(ascii("250-a\r\n250 b\r\n")),
                StandardCharsets.ISO_8859_1), 10, (dir, line) -> seen.add(dir + " " + line));
        r.readReply(250);
        assertThat(seen).containsExactly("RECEIVED 250-a", "RECEIVED 250 b");
    }
}
