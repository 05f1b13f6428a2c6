package io.inetkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Dialer;
import io.inetkit.net.TestPki;
import io.inetkit.net.Timeouts;
import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.Exchange;
import io.inetkit.text.Reply;
import io.inetkit.text.TextConnection;
import io.inetkit.text.TextOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScriptedServerTest {

    static TextConnection connect(ScriptedServer server) throws IOException {
        Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(10)))
                .tls(clientTls()).build();
        return TextConnection.connect(dialer, server.endpoint(), TextOptions.DEFAULT);
    }

    static io.inetkit.net.TlsConfig clientTls() {
        try {
            return TestPki.get().clientConfig();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void smtpLikeConversationWithPipeliningAndADotBody() throws Exception {
        Script script = Script.create()
                .send("220 mx ESMTP")
                .expect("EHLO client")
                .send("250-mx").send("250 PIPELINING")
                // Both commands must arrive before any reply: a client that waits would time out here.
                .expect("MAIL FROM:<a@b>").expect("RCPT TO:<c@d>")
                .sendRaw("250 sender ok\r\n250 rcpt ok\r\n")
                .expect("DATA").send("354 go ahead")
                .expectDotBody("Subject: hi\r\n\r\n.leading dot\r\n")
                .send("250 queued")
                .expect("QUIT").send("221 bye")
                .expectClose();
        try (ScriptedServer server = ScriptedServer.start(script)) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                assertThat(text.command(250, "EHLO client").lines()).containsExactly("mx", "PIPELINING");
                assertThat(text.pipeline(List.of("MAIL FROM:<a@b>", "RCPT TO:<c@d>"))).containsExactly(
                        new Exchange("MAIL FROM:<a@b>", Reply.of(250, "sender ok")),
                        new Exchange("RCPT TO:<c@d>", Reply.of(250, "rcpt ok")));
                text.command(354, "DATA");
                try (OutputStream body = text.bodyWriter()) {
                    body.write("Subject: hi\n\n.leading dot\n".getBytes(StandardCharsets.US_ASCII));
                }
                text.readReply(250);
                text.command(221, "QUIT");
            }
            server.verify();
            ScriptedConnection c = server.connection(0);
            assertThat(c.bodies()).containsExactly("Subject: hi\r\n\r\n.leading dot\r\n");
            assertThat(new String(c.received(), StandardCharsets.US_ASCII)).isEqualTo("EHLO client\r\n"
                    + "MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nSubject: hi\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n");
            assertThat(new String(c.sent(), StandardCharsets.US_ASCII)).startsWith("220 mx ESMTP\r\n250-mx\r\n")
                    .endsWith("250 queued\r\n221 bye\r\n");
            assertThat(c.transcript()).contains("   1 S: 220 mx ESMTP\\r\\n", "   6 C: RCPT TO:<c@d>\\r\\n",
                    "C: ..leading dot\\r\\n");
            assertThat(c.failure()).isEmpty();
            assertThat(c.isDone()).isTrue();
        }
    }

    @Test
    void startTlsUpgradesTheSameConnection() throws Exception {
        Script script = Script.create()
                .send("220 mx ESMTP")
                .expect("STARTTLS").send("220 go ahead")
                .startTls(TestPki.get().serverConfig().sslContext())
                .expect("EHLO client").send("250-mx").send("250 AUTH PLAIN")
                .expect("QUIT").send("221 bye")
                .expectClose();
        try (ScriptedServer server = ScriptedServer.start(script)) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                text.command(220, "STARTTLS");
                text.startTls(clientTls(), "localhost");
                assertThat(text.isTls()).isTrue();
                assertThat(text.command(250, "EHLO client").lines()).containsExactly("mx", "AUTH PLAIN");
                text.command(221, "QUIT");
            }
            server.verify();
            assertThat(server.connection(0).transcript()).contains("C: EHLO client\\r\\n");
        }
    }

    @Test
    void closeAfterStartTlsEndsTheTlsStreamCleanly() throws Exception {
        Script script = Script.create().expect("STLS").send("+OK begin TLS")
                .startTls(TestPki.get().serverConfig().sslContext()).expect("CAPA").sendAndClose("-ERR going away");
        try (ScriptedServer server = ScriptedServer.start(script); TextConnection text = connect(server)) {
            text.statusCommand("STLS");
            text.startTls(clientTls(), "localhost");
            text.send("CAPA");
            assertThat(text.readStatus().isOk()).isFalse();
            assertThatThrownBy(text::readStatus).isInstanceOf(ConnectionClosedException.class);
            server.verify();
        }
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsAFailure() throws Exception {
        Script script = Script.create().expect("STARTTLS").send("220 go ahead")
                .startTls(TestPki.get().serverConfig().sslContext()).expect("EHLO x");
        try (ScriptedServer server = ScriptedServer.start(script); TextConnection text = connect(server)) {
            // One write, one loopback segment: the script reads both lines at once.
            text.socket().getOutputStream().write("STARTTLS\r\nEHLO x\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(server::verify).hasMessageContaining("step 3 of 4: start TLS")
                    .hasMessageContaining("plaintext after asking for TLS, before the handshake: \"EHLO x\\r\\n\"");
        }
    }

    @Test
    void bytesBeyondTheEndOfTheScriptAreAFailure() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expect("A")); TextConnection text = connect(server)) {
            text.socket().getOutputStream().write("A\r\nB\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(server::verify).hasMessageContaining("after the last step (1)")
                    .hasMessageContaining("the script ended, but the client had sent more: \"B\\r\\n\"");
        }
    }

    @Test
    void implicitTlsRunsTheScriptAfterTheHandshake() throws Exception {
        Script script = Script.fromTranscript("""
                S: * OK IMAP4rev1 ready
                C: a1 LOGOUT
                S: * BYE
                S: a1 OK done
                """);
        try (ScriptedServer server = ScriptedServer.builder().script(script)
                .tls(TestPki.get().serverConfig().sslContext()).start()) {
            Dialer dialer = Dialer.builder().tls(clientTls()).build();
            try (TextConnection text = TextConnection.connectTls(dialer, server.endpoint(), TextOptions.DEFAULT)) {
                assertThat(text.reader().readLine()).isEqualTo("* OK IMAP4rev1 ready");
                text.send("a1 LOGOUT");
                assertThat(text.reader().readLine()).isEqualTo("* BYE");
                assertThat(text.reader().readLine()).isEqualTo("a1 OK done");
            }
            server.verify();
        }
    }

    @Test
    void aMismatchFailsWithTheTranscriptAndTheExpectedStep() throws Exception {
        Script script = Script.create().send("220 mx").expect("EHLO client").send("250 mx");
        try (ScriptedServer server = ScriptedServer.start(script)) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                text.send("HELO client");
                // The server stops at the mismatch and closes: the client sees the end, not a reply.
                assertThatThrownBy(() -> text.readReply(250)).isInstanceOf(ConnectionClosedException.class);
            }
            assertThatThrownBy(server::verify).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("connection 0 failed at step 2 of 3: expect line \"EHLO client\\r\\n\"")
                    .hasMessageContaining("problem: the client sent \"HELO client\\r\\n\"")
                    .hasMessageContaining("   1 S: 220 mx\\r\\n\n   2 C: HELO client\\r\\n\n");
            assertThat(server.connection(0).failure()).hasValueSatisfying(f -> assertThat(f).contains("HELO client"));
        }
    }

    @Test
    void closeReportsAFailureWhenVerifyWasNotCalled() throws Exception {
        ScriptedServer server = ScriptedServer.start(Script.create().expect("NOOP"));
        try (TextConnection text = connect(server)) {
            text.send("NOOP ");
        }
        assertThatThrownBy(server::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect line \"NOOP\\r\\n\"").hasMessageContaining("C: NOOP \\r\\n");
    }

    @Test
    void aBareLineFeedIsAMismatch() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expect("EHLO x").expectClose());
             TextConnection text = connect(server)) {
            text.socket().getOutputStream().write("EHLO x\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(server::verify).hasMessageContaining("\"EHLO x\\n\" (a bare LF, not CRLF)");
        }
    }

    @Test
    void silenceTimesOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().script(Script.create().send("220 hi").expect("QUIT"))
                .expectTimeout(Duration.ofMillis(300)).start(); TextConnection text = connect(server)) {
            text.readReply(220);
            assertThatThrownBy(server::verify).hasMessageContaining("step 2 of 2: expect line \"QUIT\\r\\n\"")
                    .hasMessageContaining("nothing (more) came from the client within 300 ms")
                    .hasMessageContaining("1 S: 220 hi\\r\\n");
        }
    }

    @Test
    void aClientLeavingEarlyIsAFailureUnlessTheScriptExpectsIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().send("220 hi").expect("QUIT"))) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                text.socket().getOutputStream().write("QU".getBytes(StandardCharsets.US_ASCII));
            }
            assertThatThrownBy(server::verify)
                    .hasMessageContaining("the client closed the connection in the middle of \"QU\"");
        }
        try (ScriptedServer server = ScriptedServer.start(Script.create().send("220 hi").expectClose())) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
            }
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start(Script.create().send("220 hi").expectClose())) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                text.send("NOOP");
            }
            assertThatThrownBy(server::verify).hasMessageContaining("the client sent \"NOOP\\r\\n\" instead of closing");
        }
    }

    @Test
    void anAbruptCloseIsSeenByTheClient() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().sendRaw("220-hello\r\n").close());
             TextConnection text = connect(server)) {
            assertThatThrownBy(() -> text.readReply(220)).isInstanceOfSatisfying(ConnectionClosedException.class,
                    e -> assertThat(e.partial()).isEqualTo("hello"));
            server.verify();
        }
        try (ScriptedServer server = ScriptedServer.start(Script.create().sendAndClose("421 closing"));
             TextConnection text = connect(server)) {
            assertThat(text.readReply(421).text()).isEqualTo("closing");
            assertThatThrownBy(() -> text.command(250, "NOOP")).isInstanceOf(IOException.class);
            server.verify();
        }
    }

    @Test
    void resetGivesTheClientAConnectionReset() throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        try (ScriptedServer server = ScriptedServer.start(Script.create().expect("NOOP").signal(sent).reset());
             TextConnection text = connect(server)) {
            text.send("NOOP");
            sent.await();
            assertThatThrownBy(() -> text.readReply(250)).isInstanceOf(SocketException.class);
            server.verify();
        }
    }

    @Test
    void pauseHoldsTheScriptUntilTheTestReleasesIt() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Script script = Script.create().send("220 hi").signal(reached).pause(release).send("250 later").expectClose();
        try (ScriptedServer server = ScriptedServer.start(script)) {
            try (TextConnection text = connect(server)) {
                text.readReply(220);
                reached.await();
                assertThat(text.socket().getInputStream().available()).as("nothing is sent while paused").isZero();
                release.countDown();
                assertThat(text.readReply(250).text()).isEqualTo("later");
            }
            server.verify();
        }
    }

    @Test
    void expectMatchingAndRawBytes() throws Exception {
        Script script = Script.create()
                .expectMatching("a\\d+ LOGIN \\S+ \\{5\\}").send("+ go ahead")
                .expectRaw("s3cr3\r\n")
                .send("a1 OK");
        try (ScriptedServer server = ScriptedServer.start(script); TextConnection text = connect(server)) {
            text.send("a7 LOGIN alice {5}");
            assertThat(text.reader().readLine()).isEqualTo("+ go ahead");
            text.socket().getOutputStream().write("s3cr3\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(text.reader().readLine()).isEqualTo("a1 OK");
            server.verify();
        }
    }

    @Test
    void sequencePlaysOneScriptPerConnectionAndRefusesExtraOnes() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder()
                .sequence(Script.create().send("first").expectClose(), Script.create().send("second").expectClose())
                .start()) {
            for (String greeting : List.of("first", "second", "")) {
                try (TextConnection text = connect(server)) {
                    assertThat(text.reader().readLine()).isEqualTo(greeting.isEmpty() ? null : greeting);
                }
            }
            assertThat(server.awaitDone(Duration.ofSeconds(5))).isTrue();
            assertThatThrownBy(server::verify).hasMessageContaining("connection 2 was not expected")
                    .hasMessageNotContaining("connection 0").hasMessageNotContaining("connection 1 ");
            assertThat(server.connections()).hasSize(3);
        }
    }

    @Test
    void aMissingConnectionIsReported() throws Exception {
        try (ScriptedServer server = ScriptedServer.builder().script(Script.create().send("hi"))
                .expectTimeout(Duration.ofMillis(100)).start()) {
            assertThat(server.awaitDone(Duration.ofMillis(50))).isFalse();
            assertThatThrownBy(server::verify).hasMessageContaining("expected 1 connection(s), 0 came");
        }
    }
}
