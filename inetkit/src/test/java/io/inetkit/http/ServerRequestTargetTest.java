package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path and query a handler sees for absolute-form targets (found by ServerRequestFuzzTest). */
@Timeout(30)
class ServerRequestTargetTest {
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .get("/admin", (req, res) -> res.sendText(403, "admin\n"))
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
        "https://u@x:1/p/q?r,       path=/p/q query=r",
    })
    void absoluteFormTargetsSplitAtTheEndOfTheAuthority(String target, String expected) throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n" + expected + "\n");
    }
}
