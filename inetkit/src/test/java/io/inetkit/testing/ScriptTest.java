package io.inetkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ScriptTest {

    /** Go's net/smtp TestBasic style: a server transcript, a client, and the bytes compared. */
    private static final String TRANSCRIPT = """
            # comments and blank lines are skipped
            S: 220 hello world
            C: EHLO localhost
            S: 250-mx.example.org at your service
            S: 250 PIPELINING

            C: DATA
            S: 354 go ahead
            C: Subject: x
            C:
            C: .
            S: 250 ok
            """;

    @Test
    void fromTranscriptMakesOneStepPerClientLineAndOneWritePerServerRun() {
        assertThat(Script.fromTranscript(TRANSCRIPT).toString()).isEqualTo("""
                1. send "220 hello world\\r\\n"
                2. expect line "EHLO localhost\\r\\n"
                3. send "250-mx.example.org at your service\\r\\n250 PIPELINING\\r\\n"
                4. expect line "DATA\\r\\n"
                5. send "354 go ahead\\r\\n"
                6. expect line "Subject: x\\r\\n"
                7. expect line "\\r\\n"
                8. expect line ".\\r\\n"
                9. send "250 ok\\r\\n"
                """);
    }

    @Test
    void fromTranscriptRefusesLinesWithoutAPrefix() {
        assertThatThrownBy(() -> Script.fromTranscript("S: 220 hi\nX: what\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void nothingMayFollowAFinalStepAndLinesHaveNoLineBreaks() {
        assertThatThrownBy(() -> Script.create().close().send("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close the connection");
        assertThatThrownBy(() -> Script.create().send("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Script.create().expect("a\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayedTranscriptComparesTheClientsBytes() throws Exception {
        String clientBytes = "EHLO localhost\r\nDATA\r\nSubject: x\r\n\r\n.\r\n";
        try (ScriptedServer server = ScriptedServer.start(Script.fromTranscript(TRANSCRIPT));
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(clientBytes.getBytes(StandardCharsets.US_ASCII)); // all at once: the script reads lines
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("220 hello world\r\n"
                    + "250-mx.example.org at your service\r\n250 PIPELINING\r\n354 go ahead\r\n250 ok\r\n");
            server.verify();
            assertThat(new String(server.connection(0).received(), StandardCharsets.US_ASCII)).isEqualTo(clientBytes);
        }
    }
}
