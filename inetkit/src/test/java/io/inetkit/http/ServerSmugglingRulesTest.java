package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule groups "smuggling" and "a bad request stops nothing else": cases ServerSmugglingTest lacks
 * (obs-fold with a tab, bare CR at other places, a TE list naming chunked twice), and for every
 * case that the request pipelined behind the bad one is never answered, while the server goes on
 * serving a connection that was open all along and new ones.
 */
@Timeout(30)
class ServerSmugglingRulesTest {
    static HttpServer server;
    static final AtomicInteger handled = new AtomicInteger();
    static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.builder()
                .route(null, "/", (req, res) -> {
                    handled.incrementAndGet();
                    res.sendText(200, "served " + req.path());
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // CL + TE
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
        // TE.TE
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunkedx\r\n\r\n0\r\n\r\n",
        // whitespace before the colon, also a tab
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n",
        // bare CR: inside a value, ending a field, ending the head
        "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\rX-A: a\r\n\r\n",
        // obs-fold with a tab, and a fold of the first field
        "POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\tTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\n Host: x\r\n\r\n",
        // two different Content-Lengths, also as a list in one field
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4, 0\r\n\r\nabcd",
    })
    void badHeadGets400TheConnectionClosesAndThePipelinedRequestIsNotServed(String request) throws IOException {
        int before = handled.get();
        String r = ServerRaw.sendAndReadToClose(server.address(), request + NEXT);
        assertThat(r).startsWith("HTTP/1.1 400 ").contains("Connection: close");
        assertThat(r.indexOf("HTTP/1.1", 1)).as("a second response").isEqualTo(-1);
        assertThat(r).doesNotContain("served");
        assertThat(handled.get()).isEqualTo(before);
        // and the server serves the next peer
        assertThat(ServerRaw.sendAndReadToClose(server.address(), "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ").endsWith("served /after");
    }

    @Test
    void equalDuplicateContentLengthsAreOneLength() throws IOException {
        // RFC 9110 §8.6 allows equal repeats; the control for the "differing" cases above
        String r = ServerRaw.sendAndReadToClose(server.address(),
                "POST /same HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab");
        assertThat(r).startsWith("HTTP/1.1 200 ").endsWith("served /same");
    }

    @Test
    void aBadRequestOnOneConnectionLeavesAnOpenKeepAliveConnectionServed() throws IOException {
        try (Socket open = ServerRaw.connect(server.address())) {
            open.getOutputStream().write("GET /one HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(open.getInputStream())).endsWith("served /one");
            for (String bad : new String[] {"\u0000\u0001garbage\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\n\r\n",
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
                String r = ServerRaw.sendAndReadToClose(server.address(), bad);
                assertThat(r).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            }
            // a peer that sends half a head and vanishes
            Socket gone = ServerRaw.connect(server.address());
            gone.getOutputStream().write("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            gone.setSoLinger(true, 0);
            gone.close(); // reset
            open.getOutputStream().write("GET /two HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(open.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("served /two");
        }
    }
}
