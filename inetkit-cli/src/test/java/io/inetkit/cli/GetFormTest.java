package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get} -F, --form-string, -G and --data-urlencode against a loopback echo server. */
@Timeout(30)
class GetFormTest {
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http().handle("/echo", GetFormTest::echo);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Answers "METHOD URI", the Content-Type, an empty line, then the request body as received. */
    private static void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((ex.getRequestMethod() + " " + ex.getRequestURI() + "\n"
                + "Content-Type: " + ex.getRequestHeaders().getFirst("Content-Type") + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        respond(ex, 200, out.toByteArray());
    }

    @Test
    void formFieldsFilesAndModifiersArriveAsMultipart() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\nfile\n");
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Path bin = Files.write(dir.resolve("data.bin"), binary);
        Path content = Files.writeString(dir.resolve("content.txt"), "from a file");
        CliRun r = run("get", "-F", "title=Holiday trip", "-F", "upload=@" + text,
                "--form-string", "raw=@literal;type=x", "-F", "inline=<" + content,
                "-F", "renamed=@" + bin + ";type=application/x-thing;filename=other.dat",
                "-F", "typed=v;type=text/plain;charset=utf-8", "-F", "q=\"a;b\"", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        Echo echo = Echo.of(r.stdout());
        assertThat(echo.requestLine).isEqualTo("POST /echo");
        Matcher m = Pattern.compile("^multipart/form-data; boundary=(\\S+)$").matcher(echo.contentType);
        assertThat(m.matches()).as(echo.contentType).isTrue();
        List<Part> parts = parse(echo.body, m.group(1));
        assertThat(parts).extracting(Part::name)
                .containsExactly("title", "upload", "raw", "inline", "renamed", "typed", "q");
        assertThat(parts.get(0)).isEqualTo(new Part("title", null, null, "Holiday trip"));
        assertThat(parts.get(1)).isEqualTo(new Part("upload", "notes.txt", "text/plain; charset=utf-8", "hello\nfile\n"));
        assertThat(parts.get(2)).isEqualTo(new Part("raw", null, null, "@literal;type=x"));
        assertThat(parts.get(3)).isEqualTo(new Part("inline", null, null, "from a file"));
        assertThat(parts.get(4).filename()).isEqualTo("other.dat");
        assertThat(parts.get(4).type()).isEqualTo("application/x-thing");
        assertThat(parts.get(4).bytes()).isEqualTo(binary);
        assertThat(parts.get(5)).isEqualTo(new Part("typed", null, "text/plain;charset=utf-8", "v"));
        assertThat(parts.get(6)).isEqualTo(new Part("q", null, null, "a;b"));
    }

    @Test
    void formWithXKeepsTheMethod() {
        CliRun r = run("get", "-X", "PUT", "-F", "a=1", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("PUT /echo\nContent-Type: multipart/form-data; boundary=");
    }

    @Test
    void formUsageErrors() {
        for (String[] args : List.of(new String[] {"-F", "a=1", "-d", "b=2"}, new String[] {"-F", "a=1", "--json", "{}"},
                new String[] {"-F", "a=1", "-I"}, new String[] {"-F", "a=1", "-G"}, new String[] {"-F", "novalue"},
                new String[] {"-F", "a=1;bogus=2"}, new String[] {"--form-string", "=x"})) {
            List<String> all = new ArrayList<>(List.of("get"));
            all.addAll(List.of(args));
            all.add(server.url("/echo"));
            CliRun r = run(all.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            String[] lines = r.err().split("\n");
            assertThat(lines).as(r.err()).hasSize(2);
            assertThat(lines[0]).startsWith("inet: ");
        }
        assertThat(run("get", "-F", "a=1", "-d", "b=2", server.url("/echo")).err())
                .startsWith("inet: -F/--form cannot be combined with -d");
    }

    @Test
    void missingFormFileNamesTheFile() {
        CliRun r = run("get", "-F", "f=@" + dir.resolve("absent.txt"), server.url("/echo"));
        assertThat(r.code()).isNotZero().isNotEqualTo(2);
        assertThat(r.err()).contains("absent.txt");
    }

    @Test
    void getPutsTheDataInTheQuery() {
        CliRun r = run("get", "-G", "-d", "a=1", "--data-urlencode", "b=x y", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("GET /echo?a=1&b=x%20y\n").endsWith("\n\n");
        CliRun existing = run("get", "-G", "-d", "c=3", server.url("/echo?z=0"));
        assertThat(existing.out()).startsWith("GET /echo?z=0&c=3\n");
        CliRun head = run("get", "-G", "-I", "-d", "a=1", "-w", "%{method} %{url_effective}", server.url("/echo"));
        assertThat(head.code()).as(head.err()).isZero();
        assertThat(head.out()).endsWith("HEAD " + server.url("/echo?a=1"));
        CliRun raw = run("get", "--get", "-d", "sp ace=\u00e9", server.url("/echo"));
        assertThat(raw.out()).startsWith("GET /echo?sp%20ace=%C3%A9\n");
    }

    @Test
    void dataUrlencodeFormsAsCurl() throws IOException {
        Path file = Files.writeString(dir.resolve("v.txt"), "a&b=c\n");
        CliRun r = run("get", "-d", "first=1", "--data-urlencode", "all encoded=&", "--data-urlencode", "=x=y z",
                "--data-urlencode", "name=J\u00fcrg & co", "--data-urlencode", "@" + file,
                "--data-urlencode", "f@" + file, "--data-binary", "last=~", server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("POST /echo\nContent-Type: application/x-www-form-urlencoded\n\n"
                + "first=1&all encoded=%26&x%3Dy%20z&name=J%C3%BCrg%20%26%20co&a%26b%3Dc%0A&f=a%26b%3Dc%0A&last=~");
        assertThat(run("get", "--data-urlencode", "plain text", server.url("/echo")).out()).endsWith("\n\nplain%20text");
    }

    @Test
    void formSyntaxAsCurlReadsIt() {
        assertThat(FormSpec.parse("f=@\"a;b.txt\";type=text/plain", false))
                .isEqualTo(new FormSpec("f", FormSpec.Source.FILE_UPLOAD, "a;b.txt", null, "text/plain"));
        assertThat(FormSpec.parse("n=\"say \\\"hi\\\"\"", false).value()).isEqualTo("say \"hi\"");
        assertThat(FormSpec.parse("n=\"unclosed;type=x", false))
                .isEqualTo(new FormSpec("n", FormSpec.Source.TEXT, "\"unclosed", null, "x"));
        assertThat(FormSpec.parse("n=<in.txt; filename=x.txt", false))
                .isEqualTo(new FormSpec("n", FormSpec.Source.FILE_CONTENT, "in.txt", "x.txt", null));
        assertThat(FormSpec.parse("n=", false).value()).isEmpty();
        assertThat(FormSpec.parse("n=@x;type=a", true).value()).isEqualTo("@x;type=a");
        assertThatThrownBy(() -> FormSpec.parse("n=@", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file name is missing");
        assertThatThrownBy(() -> FormSpec.parse("n=\"a\"junk", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("junk");
        assertThatThrownBy(() -> FormSpec.parse("n=a;headers=X: 1", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported");
    }

    /** The echo reply split into request line, Content-Type and body bytes. */
    record Echo(String requestLine, String contentType, byte[] body) {
        static Echo of(byte[] reply) {
            String s = new String(reply, StandardCharsets.ISO_8859_1);
            int first = s.indexOf('\n');
            int blank = s.indexOf("\n\n");
            return new Echo(s.substring(0, first), s.substring(first + 1, blank).substring("Content-Type: ".length()),
                    Arrays.copyOfRange(reply, blank + 2, reply.length));
        }
    }

    /** One part as this test reads it; the content is compared as UTF-8 text unless read with bytes(). */
    record Part(String name, String filename, String type, String content) {
        byte[] bytes() {
            return content.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

    /** A small independent multipart/form-data reader (ISO-8859-1 keeps bytes 1:1). */
    static List<Part> parse(byte[] body, String boundary) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        assertThat(s).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        String inner = s.substring(delimiter.length() + 2, s.length() - delimiter.length() - 6);
        List<Part> parts = new ArrayList<>();
        for (String raw : inner.split(Pattern.quote("\r\n" + delimiter + "\r\n"), -1)) {
            int blank = raw.indexOf("\r\n\r\n");
            String disposition = null;
            String type = null;
            for (String line : raw.substring(0, blank).split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition: form-data")) {
                    disposition = line;
                } else if (lower.startsWith("content-type: ")) {
                    type = line.substring("content-type: ".length());
                }
            }
            assertThat(disposition).as(raw).isNotNull();
            Matcher name = NAME.matcher(disposition);
            Matcher filename = FILENAME.matcher(disposition);
            String content = raw.substring(blank + 4);
            boolean text = filename.find();
            String fn = text ? filename.group(1) : null;
            parts.add(new Part(name.find() ? name.group(1) : null, fn, type,
                    fn == null || fn.endsWith(".txt") ? new String(content.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8) : content));
        }
        return parts;
    }
}
