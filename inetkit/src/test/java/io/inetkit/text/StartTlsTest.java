package io.inetkit.text;

import static io.inetkit.text.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import io.inetkit.net.TlsConfig;
import io.inetkit.net.TlsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StartTlsTest {

    /** The server side of STARTTLS: handshake as server over the accepted socket. */
    private static SSLSocket serverTls(Socket plain) throws Exception {
        TlsConfig config = TestPki.get().serverConfig();
        SSLSocket tls = (SSLSocket) config.sslContext().getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.setSSLParameters(config.serverParameters());
        tls.startHandshake();
        return tls;
    }

    @Test
    void upgradeWorksEndToEnd() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            send(out, "220 mx ESMTP\r\n");
            assertThat(in.readLine()).isEqualTo("STARTTLS");
            send(out, "220 go ahead\r\n");
            assertThat(in.buffered()).isZero();
            try (SSLSocket tls = serverTls(s)) {
                LineReader secure = new LineReader(tls.getInputStream(), StandardCharsets.ISO_8859_1);
                assertThat(secure.readLine()).isEqualTo("EHLO client");
                send(tls.getOutputStream(), "250-mx\r\n250 AUTH PLAIN\r\n");
            }
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            text.readReply(220);
            text.command(220, "STARTTLS");
            assertThat(text.isTls()).isFalse();
            assertThat(text.tlsSession()).isNull();
            text.startTls(TestPki.get().clientConfig(), "localhost");
            assertThat(text.isTls()).isTrue();
            assertThat(text.tlsSession().getProtocol()).startsWith("TLS");
            assertThat(text.command(250, "EHLO client").lines()).containsExactly("mx", "AUTH PLAIN");
            assertThatThrownBy(() -> text.startTls(TestPki.get().clientConfig(), "localhost"))
                    .isInstanceOf(IllegalStateException.class);
            server.await();
        }
    }

    @Test
    void plaintextAfterTheGoAheadIsRefused() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            send(out, "220 mx ESMTP\r\n");
            assertThat(in.readLine()).isEqualTo("STARTTLS");
            // The injection: a fake reply in the same segment as the go-ahead, before any TLS.
            send(out, "220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n");
            assertThat(s.getInputStream().read()).as("the client hangs up").isEqualTo(-1);
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            text.readReply(220);
            text.command(220, "STARTTLS");
            assertThatThrownBy(() -> text.startTls(TestPki.get().clientConfig(), "localhost"))
                    .isInstanceOfSatisfying(StartTlsInjectionException.class,
                            e -> assertThat(e.bufferedBytes()).isEqualTo("250-injected\r\n250 AUTH PLAIN\r\n".length()))
                    .hasMessageContaining("unencrypted").hasMessageContaining("injection");
            assertThat(text.socket().isClosed()).isTrue();
            assertThat(text.isTls()).isFalse();
            server.await();
        }
    }

    @Test
    void plaintextArrivingInALaterSegmentIsNotBelievedEither() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(in.readLine()).isEqualTo("STARTTLS");
            send(out, "220 go ahead\r\n");
            send(out, "250 injected\r\n");
            s.getInputStream().read(); // the client's ClientHello or its hang-up; either way, done
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            text.command(220, "STARTTLS");
            // Depending on timing the bytes are buffered (refused) or reach the handshake (fails).
            assertThatThrownBy(() -> text.startTls(TestPki.get().clientConfig(), "localhost"))
                    .isInstanceOfAny(StartTlsInjectionException.class, TlsException.class);
            assertThat(text.isTls()).isFalse();
            server.await();
        }
    }

    @Test
    void wrongHostNameFailsTheUpgrade() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((s, in, out) -> {
            assertThat(in.readLine()).isEqualTo("STLS");
            send(out, "+OK begin TLS\r\n");
            try {
                serverTls(s).close();
            } catch (IOException expected) {
                // the client rejects the certificate
            }
        }); TextConnection text = server.connect(TextOptions.DEFAULT)) {
            text.statusCommand("STLS");
            assertThatThrownBy(() -> text.startTls(TestPki.get().clientConfig(), "pop.example.org"))
                    .isInstanceOfSatisfying(TlsException.class,
                            e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.HOST_MISMATCH))
                    .hasMessageContaining("host name mismatch");
            server.await();
        }
    }

    @Test
    void implicitTlsConnection() throws Exception {
        TlsConfig serverConfig = TestPki.get().serverConfig();
        try (var listener = serverConfig.serverSocketFactory().createServerSocket(0, 5,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket s = listener.accept()) {
                    OutputStream out = s.getOutputStream();
                    send(out, "* OK IMAP4rev1 ready\r\n");
                } catch (IOException ignored) {
                    // reported by the client assertions
                }
            });
            io.inetkit.net.Dialer dialer = io.inetkit.net.Dialer.builder().tls(TestPki.get().clientConfig())
                    .resolver(h -> java.util.List.of(java.net.InetAddress.getByName("127.0.0.1"))).build();
            try (TextConnection text = TextConnection.connectTls(dialer,
                    io.inetkit.net.Endpoint.of("localhost", listener.getLocalPort()), TextOptions.DEFAULT)) {
                assertThat(text.isTls()).isTrue();
                assertThat(text.reader().readLine()).isEqualTo("* OK IMAP4rev1 ready");
            }
            t.join();
        }
    }
}
