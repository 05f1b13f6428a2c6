package io.inetkit.text;

import static io.inetkit.text.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Dialer;
import io.inetkit.net.Timeouts;
import io.inetkit.testing.Script;
import io.inetkit.testing.ScriptedServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TextConnectionTest {

    @Test
    void commandsCheckTheReplyCodeAndRefuseInjection() throws Exception {
        // The script requires QUIT right after MAIL FROM: an injected command would be a mismatch.
        try (ScriptedServer server = ScriptedServer.start(Script.fromTranscript("""
                S: 220 mx ready
                C: EHLO client
                S: 250-mx
                S: 250 PIPELINING
                C: MAIL FROM:<a@b>
                S: 550 5.7.1 no
                C: QUIT
                S: 221 bye
                """)); TextConnection text = TextConnection.connect(
                        Dialer.builder().timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(10))).build(),
                        server.endpoint(), TextOptions.DEFAULT)) {
            assertThat(text.readReply(220).text()).isEqualTo("mx ready");
            assertThat(text.command(250, "EHLO client").lines()).containsExactly("mx", "PIPELINING");
            assertThatThrownBy(() -> text.command(2, "MAIL FROM:<%s>", "a@b"))
                    .isInstanceOfSatisfying(ReplyException.class, e -> {
                        assertThat(e.isPermanent()).isTrue();
                        assertThat(e.reply().code()).isEqualTo(550);
                    });
            assertThatThrownBy(() -> text.command(2, "RCPT TO:<%s>", "x@y>\r\nDATA"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command injection");
            text.command(221, "QUIT");
            server.verify();
        }
    }

    @Test
    void secretsNeverReachTheTranscriptAndBodiesAreSummarised() throws Exception {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        TextOptions options = TextOptions.DEFAULT.withTranscript((dir, line) -> trace.add(dir + " " + line));
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            send(out, "+OK ready\r\n");
            assertThat(in.readLine()).isEqualTo("USER alice");
            send(out, "+OK\r\n");
            assertThat(in.readLine()).isEqualTo("PASS hunter2");
            send(out, "+OK in\r\n");
            assertThat(in.readLine()).isEqualTo("RETR 1");
            send(out, "+OK 12 octets\r\nSubject: x\r\n\r\n..body\r\n.\r\n");
            assertThat(in.readLine()).isEqualTo("AUTH PLAIN AGFsaWNlAGh1bnRlcjI=");
            send(out, "235 ok\r\n");
        }); TextConnection text = server.connect(options)) {
            text.readStatusOk();
            text.statusCommand("USER alice");
            text.sendSecret("PASS hunter2", "PASS ****");
            text.readStatusOk();
            text.statusCommand("RETR 1");
            try (InputStream body = text.body()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("Subject: x\r\n\r\n.body\r\n");
            }
            text.commandSecret(235, "AUTH PLAIN AGFsaWNlAGh1bnRlcjI=", "AUTH PLAIN ****");
            server.await();
        }
        assertThat(trace).containsExactly("RECEIVED +OK ready", "SENT USER alice", "RECEIVED +OK",
                "SENT PASS ****", "RECEIVED +OK in", "SENT RETR 1", "RECEIVED +OK 12 octets",
                "RECEIVED <21 bytes>", "SENT AUTH PLAIN ****", "RECEIVED 235 ok");
        assertThat(String.join("\n", trace)).doesNotContain("hunter2").doesNotContain("AGFsaWNl");
    }

    @Test
    void unreadBodyIsDrainedBeforeTheNextCommand() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(in.readLine()).isEqualTo("LIST");
            send(out, "215 list follows\r\n" + "group.a 1 2 y\r\n".repeat(5000) + ".\r\n");
            assertThat(in.readLine()).isEqualTo("DATE");
            send(out, "111 20261125120000\r\n");
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            text.command(215, "LIST");
            InputStream body = text.body();
            assertThat(body.read()).isEqualTo('g');
            assertThat(text.command(111, "DATE").text()).isEqualTo("20261125120000");
            assertThat(body.read()).as("the drained body is at its end").isEqualTo(-1);
            server.await();
        }
    }

    @Test
    void bodyWriterStuffsAndMustBeClosedFirst() throws Exception {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        TextOptions options = TextOptions.DEFAULT.withTranscript((dir, line) -> trace.add(dir + " " + line));
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(in.readLine()).isEqualTo("DATA");
            send(out, "354 go\r\n");
            assertThat(new String(new DotInputStream(in.asInputStream(), 1000).readAllBytes(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("Subject: hi\r\n\r\n.leading dot\r\nno newline\r\n");
            send(out, "250 queued\r\n");
        }); TextConnection text = server.connect(options)) {
            text.command(354, "DATA");
            OutputStream body = text.bodyWriter();
            body.write("Subject: hi\n\n.leading dot\r\nno newline".getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> text.command(250, "NOOP")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close the body writer");
            body.close();
            assertThat(text.readReply(250).text()).isEqualTo("queued");
            server.await();
        }
        // The body is summarised in the transcript, never dumped (its bytes as given, before stuffing).
        assertThat(trace).containsExactly("SENT DATA", "RECEIVED 354 go", "SENT <37 bytes>", "RECEIVED 250 queued");
    }

    @Test
    void pipelineSendsAllBeforeReadingAndKeepsOrder() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            // All three commands must be here before the first reply is sent.
            assertThat(List.of(in.readLine(), in.readLine(), in.readLine()))
                    .containsExactly("MAIL FROM:<a@b>", "RCPT TO:<c@d>", "RCPT TO:<bad>");
            send(out, "250 sender ok\r\n250 rcpt ok\r\n550 no such user\r\n");
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            List<Exchange> result = text.pipeline(List.of("MAIL FROM:<a@b>", "RCPT TO:<c@d>", "RCPT TO:<bad>"));
            assertThat(result).containsExactly(
                    new Exchange("MAIL FROM:<a@b>", Reply.of(250, "sender ok")),
                    new Exchange("RCPT TO:<c@d>", Reply.of(250, "rcpt ok")),
                    new Exchange("RCPT TO:<bad>", Reply.of(550, "no such user")));
            assertThatThrownBy(() -> text.pipeline(List.of("NOOP", "RCPT TO:<x>\nDATA")))
                    .isInstanceOf(IllegalArgumentException.class);
            server.await();
        }
    }

    @Test
    void pop3PipelinePairsStatusRepliesAndBodiesAndMasksThePassword() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        TextOptions options = TextOptions.DEFAULT.withTranscript((dir, line) -> trace.add(dir + " " + line));
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            // RFC 2449 PIPELINING: every command is here before the first reply.
            assertThat(List.of(in.readLine(), in.readLine(), in.readLine(), in.readLine(), in.readLine(), in.readLine()))
                    .containsExactly("USER alice", "PASS hunter2", "LIST", "RETR 1", "DELE 9", "STAT");
            send(out, "+OK\r\n+OK 2 messages\r\n+OK scan listing\r\n1 120\r\n2 200\r\n.\r\n"
                    + "+OK 120 octets\r\nSubject: x\r\n\r\n..hidden\r\n.\r\n-ERR no such message\r\n+OK 2 320\r\n");
        }); TextConnection text = server.connect(options)) {
            List<String> listing = new ArrayList<>();
            List<StatusExchange> seen = new ArrayList<>();
            text.statusPipeline(List.of(PipelinedCommand.of("USER alice"), PipelinedCommand.secret("PASS hunter2", "PASS ****"),
                    PipelinedCommand.of("LIST"), PipelinedCommand.of("RETR 1"), PipelinedCommand.of("DELE 9"),
                    PipelinedCommand.of("STAT")), (command, reply) -> {
                        seen.add(new StatusExchange(command, reply));
                        if (command.equals("LIST")) {
                            listing.addAll(new String(text.body().readAllBytes(), StandardCharsets.US_ASCII).lines().toList());
                        } else if (command.equals("RETR 1")) {
                            text.body(); // opened, left unread: drained before the next reply
                        }
                    });
            assertThat(seen).extracting(StatusExchange::command)
                    .containsExactly("USER alice", "PASS ****", "LIST", "RETR 1", "DELE 9", "STAT");
            assertThat(seen).extracting(e -> e.reply().isOk()).containsExactly(true, true, true, true, false, true);
            assertThat(seen.get(4).reply().text()).isEqualTo("no such message");
            assertThat(seen.get(5).reply().text()).isEqualTo("2 320");
            assertThat(listing).containsExactly("1 120", "2 200");
            server.await();
        }
        assertThat(trace).contains("SENT PASS ****");
        assertThat(String.join("\n", trace)).doesNotContain("hunter2");
    }

    @Test
    void pipelinedSecretIsSentAsItIsAndShownMasked() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        TextOptions options = TextOptions.DEFAULT.withTranscript((dir, line) -> trace.add(dir + " " + line));
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(List.of(in.readLine(), in.readLine()))
                    .containsExactly("AUTH PLAIN AGFsaWNlAGh1bnRlcjI=", "MAIL FROM:<alice@example.org>");
            send(out, "235 2.7.0 ok\r\n250 2.1.0 ok\r\n");
        }); TextConnection text = server.connect(options)) {
            List<Exchange> result = text.pipelineCommands(List.of(
                    PipelinedCommand.secret("AUTH PLAIN AGFsaWNlAGh1bnRlcjI=", "AUTH PLAIN ****"),
                    PipelinedCommand.of("MAIL FROM:<alice@example.org>")));
            assertThat(result).extracting(Exchange::command).containsExactly("AUTH PLAIN ****", "MAIL FROM:<alice@example.org>");
            assertThat(result).extracting(e -> e.reply().code()).containsExactly(235, 250);
            server.await();
        }
        assertThat(trace).containsExactly("SENT AUTH PLAIN ****", "SENT MAIL FROM:<alice@example.org>",
                "RECEIVED 235 2.7.0 ok", "RECEIVED 250 2.1.0 ok");
    }

    @Test
    void largePipelineWithBodiesDoesNotDeadlock() throws Exception {
        int n = 3000;
        String article = "Subject: test\r\n\r\n" + "x".repeat(2000) + "\r\n";
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            // A server that answers each command before reading the next, like INN.
            for (int i = 0; i < n; i++) {
                assertThat(in.readLine()).isEqualTo("ARTICLE " + i);
                send(out, "220 " + i + " <id" + i + "@test>\r\n" + article + ".\r\n");
            }
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            List<String> commands = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                commands.add("ARTICLE " + i);
            }
            int[] seen = {0};
            text.pipeline(commands, (command, reply) -> {
                assertThat(reply.code()).isEqualTo(220);
                assertThat(command).isEqualTo("ARTICLE " + seen[0]);
                if (seen[0] % 2 == 0) { // odd bodies are left unread: the pipeline drains them
                    assertThat(text.body().readAllBytes()).hasSize(article.length());
                } else {
                    text.body();
                }
                seen[0]++;
            });
            assertThat(seen[0]).isEqualTo(n);
            server.await();
        }
    }

    @Test
    void failingPipelineHandlerClosesTheConnection() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            in.readLine();
            in.readLine();
            send(out, "500 what\r\n500 what\r\n");
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            assertThatThrownBy(() -> text.pipeline(List.of("A", "B"), (c, r) -> {
                throw new ReplyException(r, 2);
            })).isInstanceOf(ReplyException.class);
            assertThat(text.socket().isClosed()).isTrue();
            server.await();
        }
    }

    @Test
    void silentServerTimesOutWithAClearMessage() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> done.await());
             TextConnection text = server.connect(TextOptions.DEFAULT, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> text.readReply(220))
                    .isInstanceOf(ReadTimeoutException.class).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("no answer from 127.0.0.1:" + server.port()).hasMessageContaining("200 ms");
            done.countDown();
            server.await();
        }
    }

    @Test
    void serverClosingMidReplyIsConnectionClosed() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> send(out, "220-hello\r\n220-more"));
             TextConnection text = server.connect(TextOptions.DEFAULT)) {
            server.await();
            assertThatThrownBy(() -> text.readReply(220)).isInstanceOfSatisfying(ConnectionClosedException.class,
                    e -> assertThat(e.partial()).isEqualTo("hello\n220-more"));
        }
    }

    @Test
    void charsetCanSwitchToUtf8() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(in.readLine(StandardCharsets.UTF_8)).isEqualTo("CWD Grüße");
            out.write("250 Grüße\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }); TextConnection text = server.connect(TextOptions.DEFAULT.withCharset(StandardCharsets.US_ASCII))) {
            assertThatThrownBy(() -> text.command(250, "CWD Grüße")).isInstanceOf(IllegalArgumentException.class);
            text.setCharset(StandardCharsets.UTF_8);
            assertThat(text.command(250, "CWD Grüße").text()).isEqualTo("Grüße");
            assertThat(text.charset()).isEqualTo(StandardCharsets.UTF_8);
            server.await();
        }
    }
}
