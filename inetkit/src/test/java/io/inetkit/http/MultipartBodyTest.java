package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** multipart/form-data: exact bytes, lengths, streaming, failures, and a real upload on loopback. */
@Timeout(30)
class MultipartBodyTest {
    @TempDir
    Path dir;

    @Test
    void fieldsFileAndTypedPartOnTheWire() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "line 1\nline 2\n");
        MultipartBody body = MultipartBody.builder().boundary("XyZ")
                .field("title", "Hällo")
                .file("upload", file)
                .part("meta", "{}".getBytes(StandardCharsets.UTF_8), null, "application/json")
                .part("blob", new byte[] {1, 2}, "b.bin", null)
                .build();
        String expected = """
                --XyZ\r
                Content-Disposition: form-data; name="title"\r
                \r
                Hällo\r
                --XyZ\r
                Content-Disposition: form-data; name="upload"; filename="notes.txt"\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                line 1
                line 2
                \r
                --XyZ\r
                Content-Disposition: form-data; name="meta"\r
                Content-Type: application/json\r
                \r
                {}\r
                --XyZ\r
                Content-Disposition: form-data; name="blob"; filename="b.bin"\r
                Content-Type: application/octet-stream\r
                \r
                \u0001\u0002\r
                --XyZ--\r
                """;
        byte[] wire = bytes(body);
        assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(body.contentLength()).isEqualTo(wire.length);
        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=XyZ");
        assertThat(body.isReplayable()).isTrue();
        assertThat(bytes(body)).isEqualTo(wire);
    }

    @Test
    void namesAndFileNamesAreEscapedAsBrowsersAndCurlDo() throws IOException {
        Path file = Files.writeString(dir.resolve("a\"b.txt"), "x");
        MultipartBody body = MultipartBody.builder().boundary("b")
                .field("we\"ird\r\nname", "v")
                .file("f", file, "q\"\r\n.bin", "text/plain")
                .build();
        String wire = new String(bytes(body), StandardCharsets.UTF_8);
        assertThat(wire).contains("name=\"we%22ird%0D%0Aname\"\r\n")
                .contains("name=\"f\"; filename=\"q%22%0D%0A.bin\"\r\nContent-Type: text/plain\r\n");
        MultipartBody guessed = MultipartBody.builder().boundary("b").file("f", file).build();
        assertThat(new String(bytes(guessed), StandardCharsets.UTF_8))
                .contains("filename=\"a%22b.txt\"").doesNotContain(dir.toString());
    }

    @Test
    void emptyFormIsTheClosingDelimiterOnly() throws IOException {
        MultipartBody body = MultipartBody.builder().boundary("end").build();
        assertThat(new String(bytes(body), StandardCharsets.US_ASCII)).isEqualTo("--end--\r\n");
        assertThat(body.contentLength()).isEqualTo(9);
    }

    @Test
    void randomBoundaryIsCurlStyleAndDiffers() throws IOException {
        String a = MultipartBody.builder().build().boundary();
        String b = MultipartBody.builder().build().boundary();
        assertThat(a).matches("-{24}[0-9A-Za-z]{24}").isNotEqualTo(b);
    }

    @Test
    void boundaryIsValidatedAndQuotedWhenNeeded() throws IOException {
        assertThatThrownBy(() -> MultipartBody.builder().boundary("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartBody.builder().boundary("x".repeat(71)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 70");
        assertThatThrownBy(() -> MultipartBody.builder().boundary("a\"b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'\"'");
        assertThatThrownBy(() -> MultipartBody.builder().boundary("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipartBody.builder().boundary("ends "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space");
        assertThat(MultipartBody.builder().boundary("x".repeat(70)).build().boundary()).hasSize(70);
        assertThat(MultipartBody.builder().boundary("a b:c").build().contentType())
                .isEqualTo("multipart/form-data; boundary=\"a b:c\"");
    }

    @Test
    void argumentErrorsAreReportedAtOnce() {
        assertThatThrownBy(() -> MultipartBody.builder().field(null, "v")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> MultipartBody.builder().part("p", new byte[0], null, "text/plain\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingOrUnreadableFileFailsAtBuildNamingIt() throws IOException {
        Path missing = dir.resolve("gone.bin");
        assertThatThrownBy(() -> MultipartBody.builder().file("f", missing).build())
                .isInstanceOf(IOException.class).hasMessageContaining("gone.bin");
        assertThatThrownBy(() -> MultipartBody.builder().file("f", dir).build())
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void largeFileStreamsInPiecesAndReplays() throws IOException {
        byte[] data = new byte[300 * 1024 + 7];
        new Random(42).nextBytes(data);
        Path file = Files.write(dir.resolve("big.bin"), data);
        MultipartBody body = MultipartBody.builder().boundary("big").file("f", file).build();
        CountingSink sink = new CountingSink();
        body.writeTo(sink);
        assertThat(sink.largestWrite).isLessThanOrEqualTo(RequestBody.BUFFER_SIZE);
        byte[] wire = sink.bytes.toByteArray();
        assertThat(wire.length).isEqualTo(body.contentLength());
        List<FormPart> parts = parse(wire, "big");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).content()).isEqualTo(data);
        assertThat(bytes(body)).isEqualTo(wire);
    }

    @Test
    void fileThatChangedSizeSinceBuildFailsClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("grow.txt"), "short");
        MultipartBody body = MultipartBody.builder().boundary("g").file("f", file).build();
        Files.writeString(file, "much longer now");
        assertThatThrownBy(() -> bytes(body)).isInstanceOf(IOException.class)
                .hasMessageContaining("grow.txt").hasMessageContaining("changed size")
                .hasMessageContaining("5 bytes");
    }

    @Test
    void unknownLengthPartMakesTheFormChunkedAndOneShot() throws IOException {
        MultipartBody body = MultipartBody.builder().boundary("s").field("a", "1")
                .part("s", RequestBody.ofInputStream(new ByteArrayInputStream("stream".getBytes(StandardCharsets.UTF_8)), -1,
                        "text/plain"), null, null)
                .build();
        assertThat(body.contentLength()).isEqualTo(-1);
        assertThat(body.isReplayable()).isFalse();
        List<FormPart> parts = parse(bytes(body), "s");
        assertThat(parts.get(1).type()).isEqualTo("text/plain");
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("stream");
    }

    @Test
    void uploadReachesARealServer() throws Exception {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("photo.png"), data);
        AtomicReference<String> type = new AtomicReference<>();
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (JdkServer server = JdkServer.http().handle("/upload", ex -> {
                    type.set(ex.getRequestHeaders().getFirst("Content-Type"));
                    received.set(ex.getRequestBody().readAllBytes());
                    JdkServer.respond(ex, 200, "stored");
                });
             HttpClient client = HttpClient.newClient()) {
            MultipartBody form = MultipartBody.builder().field("title", "beach \"day\"").file("photo", file).build();
            HttpRequest request = HttpRequest.newBuilder(server.url("/upload")).post(form).build();
            try (HttpResponse r = client.send(request)) {
                assertThat(r.bodyString()).isEqualTo("stored");
            }
            assertThat(type.get()).isEqualTo(form.contentType());
            Matcher m = Pattern.compile("boundary=(\\S+)").matcher(type.get());
            assertThat(m.find()).isTrue();
            List<FormPart> parts = parse(received.get(), m.group(1));
            assertThat(parts).hasSize(2);
            assertThat(parts.get(0)).satisfies(p -> {
                assertThat(p.name()).isEqualTo("title");
                assertThat(p.filename()).isNull();
                assertThat(p.type()).isNull();
                assertThat(new String(p.content(), StandardCharsets.UTF_8)).isEqualTo("beach \"day\"");
            });
            assertThat(parts.get(1)).satisfies(p -> {
                assertThat(p.name()).isEqualTo("photo");
                assertThat(p.filename()).isEqualTo("photo.png");
                assertThat(p.type()).isEqualTo("image/png");
                assertThat(p.content()).isEqualTo(data);
            });
        }
    }

    private static byte[] bytes(RequestBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    /** Remembers the largest single write, to prove files go out in buffer-sized pieces (one thread only). */
    private static final class CountingSink extends java.io.OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int largestWrite;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            largestWrite = Math.max(largestWrite, len);
            bytes.write(b, off, len);
        }
    }

    /** One parsed part: the test's own reading of the wire format, independent of the writer. */
    record FormPart(String name, String filename, String type, byte[] content) {}

    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

    /** Splits a multipart/form-data body at its delimiters and reads each part's headers. */
    static List<FormPart> parse(byte[] body, String boundary) {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = new byte[body.length + 2]; // the first delimiter has no CRLF before it
        padded[0] = '\r';
        padded[1] = '\n';
        System.arraycopy(body, 0, padded, 2, body.length);
        List<FormPart> parts = new ArrayList<>();
        int at = indexOf(padded, delimiter, 0);
        assertThat(at).as("first delimiter").isZero();
        while (true) {
            int after = at + delimiter.length;
            if (padded[after] == '-' && padded[after + 1] == '-') {
                assertThat(Arrays.copyOfRange(padded, after + 2, padded.length)).isEqualTo(new byte[] {'\r', '\n'});
                return parts;
            }
            int headStart = after + 2;
            int headEnd = indexOf(padded, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headStart);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(padded, headStart, headEnd - headStart, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int next = indexOf(padded, delimiter, headEnd + 4);
            assertThat(next).as("next delimiter").isPositive();
            String disposition = headers.get("content-disposition");
            assertThat(disposition).startsWith("form-data");
            Matcher name = NAME.matcher(disposition);
            Matcher filename = FILENAME.matcher(disposition);
            parts.add(new FormPart(name.find() ? name.group(1) : null, filename.find() ? filename.group(1) : null,
                    headers.get("content-type"), Arrays.copyOfRange(padded, headEnd + 4, next)));
            at = next;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
