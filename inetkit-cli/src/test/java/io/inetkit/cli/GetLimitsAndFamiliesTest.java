package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Resolver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get --max-filesize, --noproxy, -4, -6, --tlsv1.2, --tlsv1.3}. */
@Timeout(30)
class GetLimitsAndFamiliesTest {
    static final byte[] FILE = new byte[4096];
    static final int STREAMED = 8 << 20; // far more than any limit below: a client that does not stop would take long
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        for (int i = 0; i < FILE.length; i++) {
            FILE[i] = (byte) ('a' + i % 26);
        }
        server = TestHttpServer.http()
                .handle("/file", ex -> { // a known length; honours one bytes=FIRST- range
                    String range = ex.getRequestHeaders().getFirst("Range");
                    if (range == null) {
                        respond(ex, 200, FILE);
                        return;
                    }
                    int first = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                    ex.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + (FILE.length - 1) + "/" + FILE.length);
                    respond(ex, 206, Arrays.copyOfRange(FILE, first, FILE.length));
                })
                .handle("/chunked", ex -> { // no length: chunked, far longer than the limits
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        byte[] piece = new byte[8192];
                        for (int sent = 0; sent < STREAMED; sent += piece.length) {
                            out.write(piece);
                        }
                    } catch (IOException e) {
                        // the client stopped reading: expected with --max-filesize
                    }
                })
                .handle("/hello", ex -> respond(ex, 200, "hello"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // --max-filesize

    @Test
    void maxFilesizeWithALargerContentLengthWritesNothing() {
        Path out = dir.resolve("out");
        CliRun r = run("get", "--max-filesize", "4000", "-o", out.toString(), server.url("/file"));
        assertThat(r.code()).isEqualTo(63);
        assertThat(r.err()).contains("the file is larger than --max-filesize: 4096 bytes");
        assertThat(out).doesNotExist();
        CliRun stdout = run("get", "--max-filesize", "4000", "-i", server.url("/file"));
        assertThat(stdout.code()).isEqualTo(63);
        assertThat(stdout.stdout()).isEmpty(); // not even the head of -i
    }

    @Test
    void maxFilesizeEqualToTheLengthIsAllowed() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("get", "--max-filesize", "4k", "-o", out.toString(), server.url("/file"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(FILE);
    }

    @Test
    void maxFilesizeStopsAChunkedBodyAndKeepsExactlyTheLimit() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("get", "--max-filesize", "1k", "-o", out.toString(), server.url("/chunked"));
        assertThat(r.code()).isEqualTo(63);
        assertThat(r.err()).contains("more than 1024 bytes").contains("holds only the first 1024 bytes")
                .contains("-C -");
        assertThat(Files.size(out)).isEqualTo(1024);
        CliRun toStdout = run("get", "--max-filesize", "100", server.url("/chunked"));
        assertThat(toStdout.code()).isEqualTo(63);
        assertThat(toStdout.stdout()).hasSize(100);
    }

    @Test
    void withResumeTheLimitIsForTheWholeFileAndALaterResumeCompletesIt() throws IOException {
        Path out = dir.resolve("out");
        Files.write(out, Arrays.copyOf(FILE, 1000));
        // 3096 bytes remain, but the whole file is 4096: over 2k
        CliRun r = run("get", "-C", "-", "--max-filesize", "2k", "-o", out.toString(), server.url("/file"));
        assertThat(r.code()).isEqualTo(63);
        assertThat(r.err()).contains("4096 bytes");
        assertThat(Files.readAllBytes(out)).isEqualTo(Arrays.copyOf(FILE, 1000)); // left as it was
        CliRun again = run("get", "-C", "-", "--max-filesize", "4k", "-o", out.toString(), server.url("/file"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(FILE);
    }

    @Test
    void maxFilesizeZeroIsNoLimit() {
        CliRun r = run("get", "--max-filesize", "0", server.url("/file"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.stdout()).isEqualTo(FILE);
    }

    @Test
    void sizeSuffixes() {
        assertThat(ByteSize.parse("--max-filesize", "200")).isEqualTo(200);
        assertThat(ByteSize.parse("--max-filesize", "200K")).isEqualTo(200 * 1024);
        assertThat(ByteSize.parse("--max-filesize", "3m")).isEqualTo(3L << 20);
        assertThat(ByteSize.parse("--max-filesize", "1G")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("--max-filesize", "2g")).isEqualTo(2L << 30);
        for (String bad : List.of("", "k", "-1", "1.5k", "1T", "12 k", "0x10", "99999999999999999G")) {
            assertThatThrownBy(() -> ByteSize.parse("--max-filesize", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-filesize");
        }
    }

    @Test
    void badMaxFilesizeIsAUsageError() {
        CliRun r = run("get", "--max-filesize", "10T", server.url("/hello"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid --max-filesize \"10T\"");
    }

    // --noproxy

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void noproxyReachesListedHostsDirectly() throws IOException {
        String proxy = "http://127.0.0.1:" + closedPort();
        CliRun listed = run("get", "-x", proxy, "--noproxy", "example.org, 127.0.0.1", server.url("/hello"));
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).isEqualTo("hello");
        CliRun all = run("get", "-x", proxy, "--noproxy", "*", server.url("/hello"));
        assertThat(all.out()).isEqualTo("hello");
    }

    @Test
    void noproxyDoesNotBypassOtherHosts() throws IOException {
        String proxy = "http://127.0.0.1:" + closedPort();
        CliRun r = run("get", "-x", proxy, "--noproxy", "example.org", server.url("/hello"));
        assertThat(r.code()).isEqualTo(7); // the closed proxy was used
    }

    // -4 and -6 (localhost resolves to 127.0.0.1 only in /etc/hosts here: the wrapper is tested directly)

    @Test
    void familyResolverKeepsOneFamilyAndComposesWithResolveOverrides() throws UnknownHostException {
        InetAddress v4 = InetAddress.getByName("192.0.2.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::7");
        Resolver both = host -> List.of(v4, v6);
        assertThat(new AddressFamilyResolver(AddressFamilyResolver.Family.IPV4, both).resolve("h")).containsExactly(v4);
        assertThat(new AddressFamilyResolver(AddressFamilyResolver.Family.IPV6, both).resolve("h", 80)).containsExactly(v6);
        Resolver pinned = ResolveOverrides.parse(List.of("h:443:[2001:db8::9],192.0.2.9"), both);
        AddressFamilyResolver ipv4 = new AddressFamilyResolver(AddressFamilyResolver.Family.IPV4, pinned);
        assertThat(ipv4.resolve("h", 443)).containsExactly(InetAddress.getByName("192.0.2.9"));
        assertThat(ipv4.resolve("h", 80)).containsExactly(v4); // not pinned: the next resolver's
        Resolver onlyV4 = host -> List.of(v4);
        assertThatThrownBy(() -> new AddressFamilyResolver(AddressFamilyResolver.Family.IPV6, onlyV4).resolve("h", 80))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("no IPv6 address");
    }

    @Test
    void ipv4ReachesAnIpv4Host() {
        CliRun r = run("get", "-4", server.url("/hello"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello");
    }

    @Test
    void ipv6ForAnIpv4OnlyHostIsExit6() {
        int port = Integer.parseInt(server.url("/").replaceAll(".*:(\\d+)/$", "$1"));
        CliRun r = run("get", "-6", "--resolve", "v4only.invalid:" + port + ":127.0.0.1", "http://v4only.invalid:" + port + "/hello");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("v4only.invalid").contains("no IPv6 address");
    }

    @Test
    void ipv4AndIpv6TogetherIsAUsageError() {
        assertThat(run("get", "-4", "-6", server.url("/hello")).code()).isEqualTo(2);
    }

    // --tlsv1.2, --tlsv1.3

    @Test
    void tlsv13NeedsAServerWithTls13() throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(dir);
        try (TestHttpServer tls12 = TestHttpServer.httpsOnly(cert.serverContext(), "TLSv1.2")
                .handle("/hello", ex -> respond(ex, 200, "hello"));
                TestHttpServer tls13 = TestHttpServer.httpsOnly(cert.serverContext(), "TLSv1.3")
                .handle("/hello", ex -> respond(ex, 200, "hello"))) {
            String ca = cert.pem().toString();
            CliRun refused = run("get", "--tlsv1.3", "--cacert", ca, tls12.url("/hello"));
            assertThat(refused.code()).isEqualTo(35);
            assertThat(refused.err()).contains("--tlsv1.3").contains("TLS 1.3");
            CliRun twelve = run("get", "--tlsv1.2", "--cacert", ca, tls12.url("/hello"));
            assertThat(twelve.code()).as(twelve.err()).isZero();
            assertThat(twelve.out()).isEqualTo("hello");
            CliRun thirteen = run("get", "--tlsv1.3", "--cacert", ca, tls13.url("/hello"));
            assertThat(thirteen.code()).as(thirteen.err()).isZero();
            assertThat(thirteen.out()).isEqualTo("hello");
            CliRun systemTrust = run("get", "--tlsv1.3", "-k", tls13.url("/hello")); // combined with -k
            assertThat(systemTrust.out()).isEqualTo("hello");
        }
    }

    @Test
    void helpListsTheOptionsAndExit63() {
        CliRun help = run("get", "--help");
        assertThat(help.out()).contains("--max-filesize=BYTES", "--noproxy=LIST", "-4, --ipv4", "-6, --ipv6",
                "--tlsv1.2", "--tlsv1.3");
        assertThat(run("--help").out()).contains("63  the file is larger than --max-filesize");
    }
}
