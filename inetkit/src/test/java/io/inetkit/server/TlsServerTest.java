package io.inetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TlsServerTest {
    private static TestCertificates certs;

    @BeforeAll
    static void generateCertificates() throws Exception {
        certs = TestCertificates.create();
    }

    private static SSLSocket tlsClient(Server server) throws Exception {
        SSLContext ctx = certs.clientContext();
        InetSocketAddress address = TestClients.loopback(server);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", address.getPort());
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // checks the host name like a real client
        s.setSSLParameters(p);
        s.setSoTimeout(TestClients.READ_TIMEOUT_MILLIS);
        return s;
    }

    private static ServerConfig.Builder config(TlsListener tls) {
        return ServerConfig.builder().bind("localhost", 0).tls(tls).closeGrace(Duration.ofSeconds(1));
    }

    @Test
    void servesTlsWithTheHandshakeInTheConnectionThread() throws Exception {
        CompletableFuture<String> protocol = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            protocol.complete(c.tlsSession().orElseThrow().getProtocol() + " secure=" + c.isSecure()
                    + " virtual=" + Thread.currentThread().isVirtual());
            TestClients.echo(c);
        };
        try (Server server = Server.tcp(config(TlsListener.of(certs.serverContext())).build(), handler).start();
                SSLSocket s = tlsClient(server)) {
            s.getOutputStream().write("secret".getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[6];
            assertThat(s.getInputStream().readNBytes(buf, 0, 6)).isEqualTo(6);
            assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("secret");
            assertThat(protocol.get(10, TimeUnit.SECONDS)).isEqualTo("TLSv1.3 secure=true virtual=true");
            assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(certs.serverCertificate());
        }
    }

    @Test
    void theParametersCustomiserApplies() throws Exception {
        TlsListener tls = new TlsListener(certs.serverContext(), p -> p.setProtocols(new String[] {"TLSv1.2"}),
                Duration.ofSeconds(5));
        try (Server server = Server.tcp(config(tls).build(), TestClients::echo).start();
                SSLSocket s = tlsClient(server)) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aSilentClientIsCutOffAfterTheHandshakeTimeout() throws Exception {
        TlsListener tls = new TlsListener(certs.serverContext(), p -> { }, Duration.ofMillis(200));
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try (Server server = Server.tcp(config(tls).build(), c -> handled.complete(null)).start();
                Socket plain = TestClients.connect(server.localAddress())) {
            // Never sends a ClientHello.
            assertThat(plain.getInputStream().read()).isEqualTo(-1);
            assertThat(StreamServerTest.awaitCounters(server, 1).failed()).isEqualTo(1);
            assertThat(handled).isNotDone();
        }
    }

    @Test
    void aPlainTextClientFailsAndTheServerKeepsServingTls() throws Exception {
        try (Server server = Server.tcp(config(TlsListener.of(certs.serverContext())).build(), TestClients::echo).start()) {
            try (Socket plain = TestClients.connect(server.localAddress())) {
                plain.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                TestClients.readToEnd(plain.getInputStream()); // an alert or nothing, then EOF
            }
            try (SSLSocket s = tlsClient(server)) {
                s.getOutputStream().write('k');
                assertThat(s.getInputStream().read()).isEqualTo('k');
            }
            assertThat(StreamServerTest.awaitCounters(server, 2).failed()).isEqualTo(1);
        }
    }

    @Test
    void theIdleTimeoutAppliesAfterTheHandshake() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ConnectionHandler handler = c -> {
            try {
                c.read(new byte[8]);
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        };
        ServerConfig cfg = config(TlsListener.of(certs.serverContext())).idleTimeout(Duration.ofMillis(200)).build();
        try (Server server = Server.tcp(cfg, handler).start(); SSLSocket s = tlsClient(server)) {
            s.startHandshake();
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
            assertThat(TestClients.readToEnd(s.getInputStream())).isEmpty();
        }
    }
}
