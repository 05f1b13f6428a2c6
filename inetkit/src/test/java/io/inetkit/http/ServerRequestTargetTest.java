package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The path and query a handler sees for absolute-form targets, and the Host values it may see (found by ServerRequestFuzzTest). */
@Timeout(30)
class ServerRequestTargetTest {
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .get("/admin", (req, res) -> res.sendText(403, "admin\n"))
                .get("/host", (req, res) -> res.sendText(200, "host=" + req.headers().firstOrNull("Host") + "\n"))
                .get("/", (req, res) -> res.sendText(200, "path=" + req.path() + " query=" + req.rawQuery().orElse("-") + "\n"))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        // a '/' in the query of an absolute-form target used to become the path: "/admin" here
        "http://x?a=/admin,         path=/ query=a=/admin",
        "http://x?q=1,              path=/ query=q=1",
        "HTTP://x:80?/admin/x,      path=/ query=/admin/x",
        "http://x,                  path=/ query=-",
        "http://x/p?a=/admin,       path=/p query=a=/admin",
        "https://x:1/p/q?r,         path=/p/q query=r",
    })
    void absoluteFormTargetsSplitAtTheEndOfTheAuthority(String target, String expected) throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + expected + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///p", "http://?q", "https://u@x/p", "http://u:pw@x/", "http://a b/", "http://x:8a/", "http://[::1/"})
    void anAbsoluteFormTargetWithoutAValidHostIsA400(String target) throws IOException {
        // RFC 9110 §4.2.1: an http URI with an empty host is invalid; §4.2.4: userinfo is an error
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 400 ").contains("Connection: close");
    }

    @Test
    void theAuthorityOfAnAbsoluteFormTargetWinsOverHost() throws IOException {
        // RFC 9112 §3.2.2: the origin server ignores Host and uses the target's authority
        String r = ServerRaw.sendAndReadToClose(server.address(),
                "GET http://routed.example:8080/host HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nhost=routed.example:8080\n");
        String origin = ServerRaw.sendAndReadToClose(server.address(), "GET /host HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n");
        assertThat(origin).endsWith("\r\n\r\nhost=other.example\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "x/y", "u@x", "x?", "x:8a", "[::1", "[::1]x", "[::1/8]", "[a b]", "\"x\"", "x\u00e9", "[]"})
    void anInvalidHostIsA400(String host) throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 400 ").contains("Connection: close");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "x:80", "x:", "127.0.0.1:8080", "[::1]", "[::1]:80", "[::ffff:127.0.0.1]", "[fe80::1%25eth0]:8080", "xn--bcher-kva.example", "a%20b"})
    void aValidHostIsServed(String host) throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ");
    }
}
