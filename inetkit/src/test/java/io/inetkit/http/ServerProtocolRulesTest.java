package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule group "protocol": keep-alive by default, HEAD has GET's head exactly, the Date header. */
@Timeout(30)
class ServerProtocolRulesTest {
    static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .get("/fixed", (req, res) -> res.header("X-Custom", "1").contentType("text/plain").send("twelve bytes".getBytes()))
                .get("/stream", (req, res) -> {
                    OutputStream body = res.contentType("text/plain").body();
                    body.write("part".getBytes());
                    body.flush();
                    body.write("two".getBytes());
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** @return the header lines of a response, without the Date (which may change between two responses) */
    private static List<String> headLines(String response) {
        List<String> lines = new ArrayList<>();
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (!line.startsWith("Date:")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void keepAliveIsTheDefaultForHttp11() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write("GET /fixed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                String r = ServerRaw.readResponse(s.getInputStream());
                assertThat(r).startsWith("HTTP/1.1 200 ").doesNotContainIgnoringCase("Connection: close").endsWith("twelve bytes");
            }
        }
    }

    @Test
    void headHasExactlyTheHeadersOfGetAndNoBody() throws IOException {
        for (String path : List.of("/fixed", "/stream")) {
            String get = ServerRaw.sendAndReadToClose(server.address(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String head = ServerRaw.sendAndReadToClose(server.address(), "HEAD " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(headLines(head)).as(path).isEqualTo(headLines(get));
            assertThat(head).as(path).endsWith("\r\n\r\n");
        }
        String chunked = ServerRaw.sendAndReadToClose(server.address(), "GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(chunked).contains("Transfer-Encoding: chunked").doesNotContain("Content-Length")
                .endsWith("\r\n\r\n4\r\npart\r\n3\r\ntwo\r\n0\r\n\r\n");
    }

    @Test
    void everyResponseHasACurrentImfFixdate() throws IOException {
        for (String request : List.of("GET /fixed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n")) { // 400 from the server itself
            String r = ServerRaw.sendAndReadToClose(server.address(), request);
            String date = r.lines().filter(l -> l.startsWith("Date: ")).findFirst().orElseThrow(() -> new AssertionError("no Date in " + r));
            String value = date.substring(6);
            assertThat(value).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
            ZonedDateTime t = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(Duration.between(t, ZonedDateTime.now()).abs()).isLessThan(Duration.ofSeconds(10));
        }
    }
}
