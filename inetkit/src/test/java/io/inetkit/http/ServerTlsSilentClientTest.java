package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.net.TestPki;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A TLS 1.3 client that stops reading after its response must not hold up the server's shutdown. */
@Timeout(30)
class ServerTlsSilentClientTest {

    /** Sends one keep-alive GET over TLS 1.3 and reads its response ("hi"); returns the stream for what follows. */
    private static InputStream getOverTls13(SSLSocket client) throws java.io.IOException {
        client.setEnabledProtocols(new String[] {"TLSv1.3"});
        client.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        InputStream in = client.getInputStream();
        byte[] buf = new byte[4096];
        String got = "";
        while (!got.endsWith("hi")) {
            int n = in.read(buf);
            assertThat(n).isPositive();
            got += new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
        return in;
    }

    @Test
    void shutdownClosesAnIdleTlsConnectionWhoseClientSaysNothing() throws Exception {
        HttpServer server = HttpServer.builder().tls(TestPki.get().serverConfig()).bind("127.0.0.1", 0)
                .get("/", (req, res) -> res.sendText(200, "hi")).start();
        try (SSLSocket client = (SSLSocket) TestPki.get().clientConfig().socketFactory()
                .createSocket("localhost", server.address().getPort())) {
            getOverTls13(client);
            // the client now keeps the connection open and reads nothing more (no close_notify back)
            long t0 = System.nanoTime();
            boolean ended = server.shutdown(Duration.ofSeconds(1));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(ended).isTrue();
        }
    }

    @Test
    void anIdleTlsConnectionIsClosedAtItsKeepAliveTimeoutEvenIfTheClientSaysNothing() throws Exception {
        HttpServerLimits limits = HttpServerLimits.DEFAULTS.withKeepAliveTimeout(Duration.ofMillis(300))
                .withIdleTimeout(Duration.ofSeconds(20));
        try (HttpServer server = HttpServer.builder().tls(TestPki.get().serverConfig()).limits(limits).bind("127.0.0.1", 0)
                .get("/", (req, res) -> res.sendText(200, "hi")).start();
                java.net.Socket raw = new java.net.Socket("127.0.0.1", server.address().getPort())) {
            SSLSocket client = (SSLSocket) TestPki.get().clientConfig().socketFactory().createSocket(raw, "localhost",
                    server.address().getPort(), false);
            InputStream in = getOverTls13(client);
            byte[] buf = new byte[4096];
            long t0 = System.nanoTime();
            // the server's close_notify ends the TLS stream; the TCP connection must end soon after, not at the idle timeout
            assertThat(in.read(buf)).isEqualTo(-1);
            raw.setSoTimeout(15_000);
            assertThat(raw.getInputStream().read(buf)).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
