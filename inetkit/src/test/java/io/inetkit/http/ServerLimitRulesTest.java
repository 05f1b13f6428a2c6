package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule group "limits": at the connection limit, the connections already held go on being served. */
@Timeout(30)
class ServerLimitRulesTest {

    @Test
    void atTheConnectionLimitHeldConnectionsAreStillServedAndAFreedSlotIsReused() throws IOException {
        try (HttpServer server = HttpServer.builder().limits(HttpServerLimits.DEFAULTS.withMaxConnections(2))
                .get("/", (req, res) -> res.sendText(200, "ok " + req.queryParameter("n").orElse("")))
                .start();
                Socket a = ServerRaw.connect(server.address());
                Socket b = ServerRaw.connect(server.address())) {
            a.getOutputStream().write("GET /?n=a1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(a.getInputStream())).endsWith("ok a1");
            b.getOutputStream().write("GET /?n=b1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(b.getInputStream())).endsWith("ok b1");

            assertThat(ServerRaw.sendAndReadToClose(server.address(), "GET /?n=c HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 503 ");
            // the refused peer cost the held connections nothing
            a.getOutputStream().write("GET /?n=a2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(a.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("ok a2");
            b.getOutputStream().write("GET /?n=b2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(ServerRaw.readResponse(b.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("ok b2");

            // a slot freed by a closing peer is served again (the count goes down, not only up)
            a.getOutputStream().write("GET /?n=a3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
            assertThat(new String(a.getInputStream().readAllBytes())).endsWith("ok a3");
            String again = null;
            long until = System.nanoTime() + 5_000_000_000L;
            while ((again == null || !again.startsWith("HTTP/1.1 200 ")) && System.nanoTime() - until < 0) {
                // the server releases the slot just after its close, which the peer may see first: retry (each a full round trip)
                again = ServerRaw.sendAndReadToClose(server.address(), "GET /?n=d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            }
            assertThat(again).startsWith("HTTP/1.1 200 ").endsWith("ok d");
        }
    }
}
