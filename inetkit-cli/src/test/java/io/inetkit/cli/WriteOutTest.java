package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** curl's -w variables of {@code inet get}: times in order, addresses, the response's facts, JSON, streams. */
@Timeout(30)
class WriteOutTest {
    static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/page", ex -> {
                    ex.getResponseHeaders().add("X-Tag", "a");
                    ex.getResponseHeaders().add("X-Tag", "b");
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    respond(ex, 200, "page text");
                })
                .handle("/hop/", ex -> {
                    int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/hop/".length()));
                    if (n == 0) {
                        respond(ex, 200, "end");
                    } else {
                        ex.getResponseHeaders().set("Location", "/hop/" + (n - 1));
                        respond(ex, 302, "");
                    }
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static double[] times(String out) {
        String[] parts = out.strip().split(" ");
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            t[i] = Double.parseDouble(parts[i]);
        }
        return t;
    }

    @Test
    void timesRunFromTheStartInTheOrderOfTheSteps() {
        CliRun r = run("get", "-s", "-o", dir.resolve("p").toString(), "-w",
                "%{time_namelookup} %{time_connect} %{time_appconnect} %{time_pretransfer} %{time_starttransfer} %{time_total} %{time_redirect}",
                server.url("/page"));
        assertThat(r.code()).as(r.err()).isZero();
        double[] t = times(r.out());
        assertThat(t[0]).isPositive();
        assertThat(t[1]).isGreaterThanOrEqualTo(t[0]);
        assertThat(t[2]).as("no TLS: no handshake time, as curl").isZero();
        assertThat(t[3]).isGreaterThanOrEqualTo(t[1]);
        assertThat(t[4]).isGreaterThanOrEqualTo(t[3]);
        assertThat(t[5]).isGreaterThanOrEqualTo(t[4]);
        assertThat(t[6]).as("no redirect").isZero();
    }

    @Test
    void theTlsHandshakeLiesBetweenConnectAndPretransfer() throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(dir);
        try (TestHttpServer tls = TestHttpServer.https(cert.serverContext()).handle("/", ex -> respond(ex, 200, "secure"))) {
            CliRun r = run("get", "-s", "--cacert", cert.pem().toString(), "-w",
                    "\\n%{time_connect} %{time_appconnect} %{time_pretransfer} %{scheme}", tls.url("/"));
            assertThat(r.code()).as(r.err()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines[0]).isEqualTo("secure");
            assertThat(lines[1]).endsWith(" https");
            double[] t = times(lines[1].replace(" https", ""));
            assertThat(t[1]).isGreaterThan(t[0]);
            assertThat(t[2]).isGreaterThanOrEqualTo(t[1]);
        }
    }

    @Test
    void theConnectionAndResponseFacts() {
        int port = Integer.parseInt(server.url("/").replaceAll(".*:(\\d+)/.*", "$1"));
        Path out = dir.resolve("page.txt");
        CliRun r = run("get", "-s", "-o", out.toString(), "-w",
                "%{remote_ip} %{remote_port} %{local_ip} %{local_port} %{http_version} %{scheme} %{method} %{num_connects}"
                        + " %{filename_effective} %{url} [%header{x-tag}] [%header{X-None}] %{speed_download}",
                server.url("/page"));
        assertThat(r.code()).as(r.err()).isZero();
        String[] f = r.out().split(" ");
        assertThat(f[0]).isEqualTo("127.0.0.1");
        assertThat(f[1]).isEqualTo(Integer.toString(port));
        assertThat(f[2]).isEqualTo("127.0.0.1");
        assertThat(Integer.parseInt(f[3])).isPositive().isNotEqualTo(port);
        assertThat(f[4]).isEqualTo("1.1");
        assertThat(f[5]).isEqualTo("http");
        assertThat(f[6]).isEqualTo("GET");
        assertThat(f[7]).isEqualTo("1");
        assertThat(f[8]).isEqualTo(out.toString());
        assertThat(f[9]).isEqualTo(server.url("/page"));
        assertThat(f[10] + " " + f[11]).isEqualTo("[a, b]");
        assertThat(f[12]).isEqualTo("[]");
        assertThat(Long.parseLong(f[13])).isPositive();
        assertThat(run("get", "-s", "-I", "-w", "%{method}", server.url("/page")).out()).endsWith("HEAD");
    }

    @Test
    void verboseNamesTheConnectionTheTlsSessionAndReuse() throws Exception {
        String port = server.url("/").replaceAll(".*:(\\d+)/.*", "$1");
        CliRun plain = run("get", "-v", "-L", "-o", dir.resolve("v").toString(), server.url("/hop/1"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.err()).startsWith("* Connected to 127.0.0.1 (127.0.0.1) port " + port + " from port ")
                .contains("* Re-using the connection to 127.0.0.1 port " + port).doesNotContain("TLS connection");
        SelfSignedCert cert = SelfSignedCert.create(dir);
        try (TestHttpServer tls = TestHttpServer.https(cert.serverContext()).handle("/", ex -> respond(ex, 200, "secure"))) {
            CliRun r = run("get", "-v", "--cacert", cert.pem().toString(), tls.url("/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).containsPattern("\\* TLS connection using TLSv1\\.[23] / TLS_\\w+")
                    .contains("*  subject: CN=localhost");
        }
    }

    @Test
    void redirectsFollowedAndNot() {
        CliRun followed = run("get", "-s", "-L", "-w", "\\n%{num_redirects} %{time_redirect} %{time_pretransfer} [%{redirect_url}] %{url_effective}",
                server.url("/hop/2"));
        assertThat(followed.code()).as(followed.err()).isZero();
        String[] f = followed.out().split("\n")[1].split(" ");
        assertThat(f[0]).isEqualTo("2");
        double redirect = Double.parseDouble(f[1]);
        assertThat(redirect).isPositive().isLessThanOrEqualTo(Double.parseDouble(f[2]));
        assertThat(f[3]).isEqualTo("[]");
        assertThat(f[4]).isEqualTo(server.url("/hop/0"));
        CliRun stopped = run("get", "-s", "-w", "%{http_code} %{redirect_url}", server.url("/hop/1"));
        assertThat(stopped.out()).isEqualTo("302 " + server.url("/hop/0"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHoldsEveryVariable() {
        CliRun r = run("get", "-s", "-o", dir.resolve("j").toString(), "-w", "%{json}", server.url("/page"));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = (Map<String, Object>) JsonParser.parse(r.out());
        assertThat(json.keySet()).containsExactlyElementsOf(WriteOut.NAMES);
        assertThat(json).containsEntry("http_code", 200).containsEntry("response_code", 200)
                .containsEntry("content_type", "text/plain").containsEntry("size_download", 9)
                .containsEntry("remote_ip", "127.0.0.1").containsEntry("exitcode", 0).containsEntry("method", "GET");
        assertThat((Double) json.get("time_total")).isPositive();
    }

    @Test
    void stderrStdoutAndOnerror() throws IOException {
        CliRun switched = run("get", "-s", "-o", dir.resolve("s").toString(), "-w", "one%{stderr}two%{stdout}three",
                server.url("/page"));
        assertThat(switched.out()).isEqualTo("onethree");
        assertThat(switched.err()).isEqualTo("two");
        CliRun fine = run("get", "-s", "-o", dir.resolve("o").toString(), "-w", "%{http_code}%{onerror} failed: %{errormsg}",
                server.url("/page"));
        assertThat(fine.out()).isEqualTo("200");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun failed = run("get", "-s", "-w", "%{onerror}failed %{exitcode}: %{errormsg}", "http://127.0.0.1:" + closed + "/");
        assertThat(failed.code()).isEqualTo(7);
        assertThat(failed.out()).startsWith("failed 7: ").contains("refused");
    }

    @Test
    @Timeout(20)
    void inetGetOverIpv6LoopbackWithMinus6() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), 0), 10);
        server.createContext("/", ex -> TestHttpServer.respond(ex, 200, "six"));
        server.start();
        try {
            String url = "http://[::1]:" + server.getAddress().getPort() + "/";
            CliRun r = run("get", "-6", "-s", "-w", " %{remote_ip}", url);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("six ::1");
            assertThat(run("get", "-s", "-4", url).code()).as("-4 refuses an IPv6 address").isNotZero();
        } finally {
            server.stop(0);
        }
    }
}
