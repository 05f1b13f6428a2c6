package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.text.MalformedReplyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class RangeTest {

    private static final byte[] DATA = HttpClientTest.pattern(100_000);

    @Test
    void rangeHeaders() {
        assertThat(ByteRange.of(0, 499).header()).isEqualTo("bytes=0-499");
        assertThat(ByteRange.from(500).header()).isEqualTo("bytes=500-");
        assertThat(ByteRange.suffix(200).header()).isEqualTo("bytes=-200");
        assertThat(ByteRange.header(List.of(ByteRange.of(0, 0), ByteRange.suffix(1)))).isEqualTo("bytes=0-0,-1");
        assertThatThrownBy(() -> ByteRange.of(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.suffix(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentRangeParsing() throws Exception {
        assertThat(ContentRange.parse("bytes 0-499/1234")).isEqualTo(new ContentRange(0, 499, 1234));
        assertThat(ContentRange.parse("bytes 500-999/*").completeLength()).isEqualTo(-1);
        assertThat(ContentRange.parse("bytes */1234").isUnsatisfied()).isTrue();
        assertThat(ContentRange.parse("bytes 10-19/20").length()).isEqualTo(10);
        for (String bad : new String[] {"bytes 5-4/10", "bytes 0-10/10", "items 0-1/2", "bytes 0-1", "bytes */*", "bytes -1-2/3", ""}) {
            assertThatThrownBy(() -> ContentRange.parse(bad)).isInstanceOf(MalformedReplyException.class);
        }
    }

    /** Serves DATA, honouring "Range: bytes=N-" when {@code ranges} is true. */
    private static RawServer server(boolean ranges) throws Exception {
        RawServer[] self = new RawServer[1];
        RawServer s = RawServer.keepAlive(self, (c, r) -> {
            String range = r.header("Range");
            if (range == null || !ranges) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: " + DATA.length + "\r\n\r\n");
                c.write(DATA);
                return;
            }
            int from = Integer.parseInt(range.substring(6, range.length() - 1));
            if (from >= DATA.length) {
                c.write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + DATA.length + "\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            c.write("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (DATA.length - 1) + "/" + DATA.length
                    + "\r\nContent-Length: " + (DATA.length - from) + "\r\n\r\n");
            c.write(Arrays.copyOfRange(DATA, from, DATA.length));
        });
        self[0] = s;
        return s;
    }

    @Test
    void resumeAppendsTheRest(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f"), Arrays.copyOf(DATA, 30_000));
        try (RawServer s = server(true); HttpClient client = HttpClient.newClient()) {
            Download.Result r = Download.resume(client, HttpRequest.get(s.url("/f")), file);
            assertThat(r).isEqualTo(new Download.Result(206, 30_000, 70_000, DATA.length));
            assertThat(Files.readAllBytes(file)).isEqualTo(DATA);
            Download.Result again = Download.resume(client, HttpRequest.get(s.url("/f")), file);
            assertThat(again.status()).isEqualTo(416);
            assertThat(again.written()).isZero();
        }
    }

    @Test
    void serverIgnoringTheRangeReplacesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3});
        try (RawServer s = server(false); HttpClient client = HttpClient.newClient()) {
            Download.Result r = Download.resume(client, HttpRequest.get(s.url("/f")), file);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.resumedAt()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(DATA);
        }
    }

    @Test
    void freshDownload(@TempDir Path dir) throws Exception {
        try (RawServer s = server(true); HttpClient client = HttpClient.newClient()) {
            Download.Result r = Download.resume(client, HttpRequest.get(s.url("/f")), dir.resolve("new"));
            assertThat(r).isEqualTo(new Download.Result(200, 0, DATA.length, DATA.length));
        }
    }
}
