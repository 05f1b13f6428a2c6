package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get} failures: curl's exit codes, one line on stderr, no stack trace. */
@Timeout(30)
class GetExitCodesTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun r, int code, String text) {
        assertThat(r.err()).doesNotContain("Exception");
        assertOneLine(r, code, text);
    }

    /** TLS messages quote the JDK's reason, whose class names end in Exception. */
    private static void assertOneLine(CliRun r, int code, String text) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("inet: ").contains(text).doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownHostIs6() {
        assertOneLineError(run("get", "http://no-such-host.invalid/"), 6, "no-such-host.invalid");
    }

    @Test
    void debugShowsTheStackTrace() {
        assertThat(run("get", "--debug", "http://no-such-host.invalid/").err()).contains("\tat ");
        assertThat(run("--debug", "get", "http://no-such-host.invalid/").err()).contains("\tat ");
    }

    @Test
    void refusedIs7() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLineError(run("get", "http://127.0.0.1:" + port + "/"), 7, "refused");
    }

    @Test
    void silentServerIs28() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = run("get", "-m", "0.5", "-w", "%{exitcode}", "http://127.0.0.1:" + silent.getLocalPort() + "/");
            assertOneLineError(r, 28, "");
            assertThat(r.out()).isEqualTo("28");
        }
    }

    @Test
    void shortBodyIs18() throws Exception {
        try (RawPeer peer = new RawPeer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")) {
            CliRun r = run("get", peer.url("/"));
            assertOneLineError(r, 18, "100");
            assertThat(r.out()).isEqualTo("only this");
        }
    }

    @Test
    void emptyReplyIs52() throws Exception {
        try (RawPeer peer = new RawPeer("")) {
            assertOneLineError(run("get", peer.url("/")), 52, "empty reply");
        }
    }

    @Test
    void unwritableOutputIs23() throws Exception {
        try (TestHttpServer server = TestHttpServer.http().handle("/", ex -> TestHttpServer.respond(ex, 200, "x"))) {
            Path missing = dir.resolve("no-such-dir").resolve("out");
            assertOneLineError(run("get", "-o", missing.toString(), server.url("/")), 23, "no-such-dir");
        }
    }

    @Test
    void untrustedCertificateIs60AndCacertOrInsecureFixIt() throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(dir);
        try (TestHttpServer server = TestHttpServer.https(cert.serverContext())
                .handle("/", ex -> TestHttpServer.respond(ex, 200, "secret page"))) {
            assertOneLine(run("get", server.url("/")), 60, "untrusted");
            CliRun trusted = run("get", "--cacert", cert.pem().toString(), server.url("/"));
            assertThat(trusted.code()).as(trusted.err()).isZero();
            assertThat(trusted.out()).isEqualTo("secret page");
            assertThat(run("get", "-k", server.url("/")).out()).isEqualTo("secret page");
            // the certificate names localhost only: the right key under another name is refused too
            String otherName = server.url("/").replace("localhost", "127.0.0.1");
            assertOneLine(run("get", "--cacert", cert.pem().toString(), otherName), 60, "127.0.0.1");
        }
    }

    @Test
    void plainTextToATlsPortIs35() throws Exception {
        try (RawPeer peer = new RawPeer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false)) {
            CliRun r = run("get", peer.url("/").replace("http:", "https:"));
            assertOneLine(r, 35, "");
        }
    }

    @Test
    void proxyOptionSendsTheRequestToTheProxy() throws Exception {
        try (TestHttpServer proxy = TestHttpServer.http()
                .handle("/", ex -> TestHttpServer.respond(ex, 200, "via proxy: " + ex.getRequestURI()))) {
            CliRun r = run("get", "-x", proxy.url(""), "http://example.invalid/page");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("via proxy: http://example.invalid/page");
        }
    }
}
