package io.inetkit.socket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StreamsTest {
    @TempDir
    Path dir;

    @Test
    void textReaderAndWriterRoundTripLines() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.UNIX, dir)) {
            BufferedWriter w = p.client().writer(UTF_8);
            w.write("grüß dich\r\nzweite Zeile\n");
            w.flush();
            p.client().shutdown(Shutdown.WRITE);
            BufferedReader r = p.server().reader(UTF_8);
            assertThat(r.readLine()).isEqualTo("grüß dich");
            assertThat(r.readLine()).isEqualTo("zweite Zeile");
            assertThat(r.readLine()).isNull();
        }
    }

    @Test
    void byteStreamsSeeEofAndLeaveTheSocketOpen() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            OutputStream out = p.client().outputStream();
            out.write(0xfe);
            out.write(new byte[] {1, 2, 3}, 1, 2);
            out.close();
            assertThatThrownBy(() -> out.write(1)).hasMessage("stream is closed");
            assertThat(p.client().isClosed()).isFalse();
            p.client().shutdown(Shutdown.WRITE);
            InputStream in = p.server().inputStream();
            assertThat(in.read()).isEqualTo(0xfe);
            assertThat(in.readAllBytes()).containsExactly(2, 3);
            assertThat(in.read()).isEqualTo(-1);
            in.close();
            assertThatThrownBy(in::read).hasMessage("stream is closed");
            p.server().sendAll(new byte[] {9});
            assertThat(p.client().recv(1)).containsExactly(9);
        }
    }

    @Test
    void streamReadsFollowTheTimeout() throws Exception {
        try (Loopback.Pair p = Loopback.pair(Family.INET, dir)) {
            p.client().setTimeout(Duration.ofMillis(100));
            assertThatThrownBy(() -> p.client().inputStream().read()).isInstanceOf(TimedOutException.class);
        }
    }
}
