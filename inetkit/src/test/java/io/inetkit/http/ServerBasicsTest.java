package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Routing, keep-alive, chunked responses, HEAD, errors, access log: our client, the JDK's and raw sockets. */
@Timeout(30)
class ServerBasicsTest {
    static HttpServer server;
    static final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .get("/hello", (req, res) -> res.contentType("text/plain").send(("hi " + req.queryParameter("n").orElse("?")).getBytes()))
                .get("/stream", (req, res) -> {
                    OutputStream body = res.body();
                    for (int i = 0; i < 3; i++) {
                        body.write(("part" + i + ";").getBytes());
                        body.flush();
                    }
                })
                .post("/echo", (req, res) -> res.send(req.bodyBytes()))
                .route(Method.PUT, "/echo", (req, res) -> res.status(204))
                .get("/fail", (req, res) -> {
                    throw new IllegalStateException("boom");
                })
                .get("/assert", (req, res) -> {
                    throw new AssertionError("broken invariant");
                })
                .get("/peer", (req, res) -> res.sendText(200, req.remoteAddress().toString()))
                .route(Method.POST, "/small", 10, (req, res) -> res.send(req.bodyBytes()))
                .accessLog(log::add)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ourClientReusesTheConnection() throws IOException {
        try (HttpClient client = HttpClient.newClient()) {
            String first;
            try (HttpResponse r = client.send(HttpRequest.get(server.uri() + "peer"))) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Server")).contains("inetkit");
                assertThat(r.header("Date")).isPresent();
                first = r.bodyString();
            }
            try (HttpResponse r = client.send(HttpRequest.get(server.uri() + "peer"))) {
                assertThat(r.bodyString()).isEqualTo(first); // same client port: same connection
            }
            try (HttpResponse r = client.send(HttpRequest.get(server.uri() + "hello?n=a%20b"))) {
                assertThat(r.bodyString()).isEqualTo("hi a b");
                assertThat(r.header("Content-Length")).contains("6");
            }
        }
    }

    @Test
    void jdkClientGetsChunkedStreamAndEcho() throws Exception {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        var r = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "stream")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("part0;part1;part2;");
        assertThat(r.headers().firstValue("transfer-encoding")).contains("chunked");
        var p = jdk.send(java.net.http.HttpRequest.newBuilder(URI.create(server.uri() + "echo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("payload")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(p.body()).isEqualTo("payload");
    }

    @Test
    void headHasTheSameLengthAsGetAndNoBody() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            OutputStream out = s.getOutputStream();
            out.write("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            String head = ServerRaw.readResponse(s.getInputStream()); // reads 4 "body" bytes: must be the next response
            assertThat(head).startsWith("HTTP/1.1 200 OK").contains("Content-Length: 4");
            assertThat(head).endsWith("\r\n\r\nHTTP");
        }
    }

    @Test
    void headOfAChunkedResponseHasNoBodyAndTheConnectionGoesOn() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\nGET /hello?n=after HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            String head = ServerRaw.readResponse(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200 ").contains("Transfer-Encoding: chunked").endsWith("\r\n\r\n");
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("hi after");
        }
    }

    @Test
    void queryParametersAreFormDecoded() throws IOException {
        try (HttpClient client = HttpClient.newClient();
                HttpResponse r = client.send(HttpRequest.get(server.uri() + "hello?x=1&n=a+b%26c&n=second"))) {
            assertThat(r.bodyString()).isEqualTo("hi a b&c");
        }
    }

    @Test
    void servesOnIpv6Loopback() throws IOException {
        try (HttpServer v6 = HttpServer.builder().bind("::1", 0).get("/", (req, res) -> res.sendText(200, "v6")).start();
                HttpClient client = HttpClient.newClient();
                HttpResponse r = client.send(HttpRequest.get(v6.uri().toString()))) {
            assertThat(v6.uri().toString()).startsWith("http://[::1]:");
            assertThat(r.bodyString()).isEqualTo("v6");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write(("GET /hello?n=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "GET /hello?n=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes());
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(all).contains("hi 1").contains("\r\n\r\nabc").endsWith("hi 2").contains("Connection: close");
        }
    }

    @Test
    void notFoundAndMethodNotAllowedWithAllow() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\nDELETE /echo/x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 404 ");
            String r = ServerRaw.readResponse(s.getInputStream());
            assertThat(r).startsWith("HTTP/1.1 405 ").contains("Allow: POST, PUT");
        }
    }

    @Test
    void handlerExceptionIs500AndTheConnectionGoesOn() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write(("GET /fail HTTP/1.1\r\nHost: x\r\n\r\nGET /assert HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 500 ");
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 500 ");
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("hi ?");
        }
    }

    @Test
    void http10ClosesUnlessKeepAlive() throws IOException {
        String r = ServerRaw.sendAndReadToClose(server.address(), "GET /hello HTTP/1.0\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 ").contains("Connection: close").endsWith("hi ?");
        String chunkless = ServerRaw.sendAndReadToClose(server.address(), "GET /stream HTTP/1.0\r\n\r\n");
        assertThat(chunkless).doesNotContain("chunked").endsWith("part0;part1;part2;");
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /hello HTTP/1.0\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).contains("Connection: keep-alive");
            assertThat(ServerRaw.readResponse(s.getInputStream())).contains("Connection: close");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void bodyLimitPerRouteGives413() throws IOException {
        String declared = ServerRaw.sendAndReadToClose(server.address(),
                "POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n01234567890");
        assertThat(declared).startsWith("HTTP/1.1 413 ").contains("Connection: close");
        String chunked = ServerRaw.sendAndReadToClose(server.address(),
                "POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n6\r\n012345\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 413 ");
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789".getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("0123456789");
        }
    }

    @Test
    void unreadBodyIsDrainedBeforeTheNextRequest() throws IOException {
        try (Socket s = ServerRaw.connect(server.address())) {
            s.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nGET /"
                    + "GET /hello?n=2 HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
            assertThat(ServerRaw.readResponse(s.getInputStream())).endsWith("hi ?");
            assertThat(ServerRaw.readResponse(s.getInputStream())).endsWith("hi 2");
        }
    }

    @Test
    void accessLogUsesCommonLogFormat() throws IOException {
        ServerRaw.sendAndReadToClose(server.address(), "GET /hello?log=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(log).anySatisfy(l -> assertThat(l)
                .matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\] \"GET /hello\\?log=1 HTTP/1\\.1\" 200 4"));
    }
}
