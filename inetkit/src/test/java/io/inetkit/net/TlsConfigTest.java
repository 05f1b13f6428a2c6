package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TlsConfigTest {
    private static TlsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TlsServer(TestPki.get().serverConfig());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Socket plain() throws Exception {
        return new Socket(InetAddress.getByName("127.0.0.1"), server.port());
    }

    private static String echo(SSLSocket s, String line) throws Exception {
        s.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void defaultsAreSecure() {
        TlsConfig d = TlsConfig.defaults();
        assertThat(d.verifiesHostName()).isTrue();
        assertThat(d.trustsAll()).isFalse();
        assertThat(d.minimumVersion()).isEqualTo(TlsConfig.Version.TLS_1_2);
        var p = d.clientParameters("mail.example.org");
        assertThat(p.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(p.getProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(p.getServerNames()).hasSize(1);
        assertThat(d.clientParameters("127.0.0.1").getServerNames()).isNullOrEmpty();
    }

    @Test
    void trustedCertificateAndMatchingHostWork() throws Exception {
        TlsConfig client = TestPki.get().clientConfig();
        try (SSLSocket s = client.upgrade(plain(), "localhost", server.port())) {
            assertThat(echo(s, "hello")).isEqualTo("echo: hello");
            assertThat(s.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
        try (SSLSocket s = client.upgrade(plain(), "127.0.0.1", server.port())) { // IP SAN
            assertThat(echo(s, "ip")).isEqualTo("echo: ip");
        }
    }

    @Test
    void untrustedCertificateFails() {
        assertThatThrownBy(() -> TlsConfig.defaults().upgrade(plain(), "localhost", server.port()))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED))
                .isInstanceOf(SSLException.class)
                .hasMessageContaining("untrusted")
                .hasMessageContaining("localhost:" + server.port());
    }

    @Test
    void hostNameMismatchFailsUnlessInsecure() throws Exception {
        assertThatThrownBy(() -> TestPki.get().clientConfig().upgrade(plain(), "mail.example.org", server.port()))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.HOST_MISMATCH))
                .hasMessageContaining("host name mismatch")
                .hasMessageContaining("mail.example.org");
        TlsConfig insecure = TlsConfig.builder().trust(TestPki.get().trustStore()).insecureSkipHostNameVerification().build();
        assertThat(insecure.verifiesHostName()).isFalse();
        try (SSLSocket s = insecure.upgrade(plain(), "mail.example.org", server.port())) {
            assertThat(echo(s, "x")).isEqualTo("echo: x");
        }
    }

    @Test
    void trustAllAcceptsAnyCertificate() throws Exception {
        TlsConfig all = TlsConfig.builder().insecureTrustAll().build();
        assertThat(all.verifiesHostName()).isFalse();
        try (SSLSocket s = all.upgrade(plain(), "anything.example", server.port())) {
            assertThat(echo(s, "y")).isEqualTo("echo: y");
        }
    }

    @Test
    void caPemFileIsTrusted(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, TestPki.get().caPem());
        TlsConfig client = TlsConfig.builder().trustPem(pem).build();
        try (SSLSocket s = client.upgrade(plain(), "localhost", server.port())) {
            assertThat(echo(s, "pem")).isEqualTo("echo: pem");
        }
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> TlsConfig.builder().trustPem(empty)).hasMessageContaining("no certificate");
    }

    @Test
    void dialerImplicitTlsAndAlpn() throws Exception {
        TlsConfig serverCfg = TlsConfig.builder().keyStore(TestPki.get().serverKeyStore(), TestPki.PASSWORD)
                .alpn("imap", "http/1.1").build();
        try (TlsServer alpnServer = new TlsServer(serverCfg)) {
            TlsConfig client = TlsConfig.builder().trust(TestPki.get().trustStore()).alpn("imap")
                    .minimumVersion(TlsConfig.Version.TLS_1_3).build();
            Dialer dialer = Dialer.builder().tls(client)
                    .resolver(h -> List.of(InetAddress.getByName("127.0.0.1"))).build();
            try (SSLSocket s = dialer.connectTls(Endpoint.of("localhost", alpnServer.port()))) {
                assertThat(s.getApplicationProtocol()).isEqualTo("imap");
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
                assertThat(echo(s, "z")).isEqualTo("echo: z");
            }
        }
    }

    @Test
    void peerThatDoesNotSpeakTlsIsAHandshakeFailure() throws Exception {
        try (ServerSocket plainServer = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket s = plainServer.accept()) {
                    s.getOutputStream().write("220 plain text server ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (Exception ignored) {
                    // the client hangs up
                }
            });
            Socket p = new Socket(InetAddress.getByName("127.0.0.1"), plainServer.getLocalPort());
            assertThatThrownBy(() -> TestPki.get().clientConfig().upgrade(p, "localhost", plainServer.getLocalPort()))
                    .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.HANDSHAKE))
                    .hasMessageContaining("localhost:" + plainServer.getLocalPort());
            assertThat(p.isClosed()).isTrue();
            t.join();
        }
    }

    @Test
    void clientCertificateIsPresentedWhenTheServerAsksForIt() throws Exception {
        TestPki pki = TestPki.get();
        TlsConfig serverCfg = TlsConfig.builder().keyStore(pki.serverKeyStore(), TestPki.PASSWORD).trust(pki.trustStore()).build();
        try (TlsServer mtls = new TlsServer(serverCfg, true)) {
            TlsConfig withCert = TlsConfig.builder().trust(pki.trustStore()).keyStore(pki.serverKeyStore(), TestPki.PASSWORD).build();
            try (SSLSocket s = withCert.upgrade(new Socket(InetAddress.getByName("127.0.0.1"), mtls.port()), "localhost", mtls.port())) {
                assertThat(echo(s, "mtls")).isEqualTo("echo: mtls");
                assertThat(s.getSession().getLocalCertificates()).isNotEmpty();
            }
            // Without a certificate the server refuses (TLS 1.3 may report it on the first read).
            assertThatThrownBy(() -> {
                try (SSLSocket s = pki.clientConfig().upgrade(new Socket(InetAddress.getByName("127.0.0.1"), mtls.port()),
                        "localhost", mtls.port())) {
                    echo(s, "no cert");
                }
            }).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void rejectsBadSettings() throws Exception {
        assertThatThrownBy(() -> TlsConfig.builder().alpn("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsConfig.builder().keyStore(TestPki.get().serverKeyStore(), "wrong".toCharArray()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    @Test
    void minimumVersionRefusesAnOlderServer() throws Exception {
        try (TlsServer tls12 = new TlsServer(TestPki.get().serverConfig(), false, "TLSv1.2")) {
            // The default minimum (1.2) talks to it ...
            try (SSLSocket s = TestPki.get().clientConfig().upgrade(
                    new Socket(InetAddress.getByName("127.0.0.1"), tls12.port()), "localhost", tls12.port())) {
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
                assertThat(echo(s, "old")).isEqualTo("echo: old");
            }
            // ... a client that requires 1.3 refuses it, and says why.
            TlsConfig only13 = TlsConfig.builder().trust(TestPki.get().trustStore())
                    .minimumVersion(TlsConfig.Version.TLS_1_3).build();
            assertThat(only13.minimumVersion()).isEqualTo(TlsConfig.Version.TLS_1_3);
            Socket p = new Socket(InetAddress.getByName("127.0.0.1"), tls12.port());
            assertThatThrownBy(() -> only13.upgrade(p, "localhost", tls12.port()))
                    .isInstanceOfSatisfying(TlsException.class,
                            e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.PROTOCOL_VERSION))
                    .hasMessageContaining("no common protocol version")
                    .hasMessageContaining("localhost:" + tls12.port());
            assertThat(p.isClosed()).isTrue();
        }
    }

    @Test
    void sniCarriesTheHostNameButNotAnIpLiteral() throws Exception {
        TlsConfig serverCfg = TestPki.get().serverConfig();
        try (SSLServerSocket listener = (SSLServerSocket) serverCfg.serverSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            listener.setSSLParameters(serverCfg.serverParameters());
            for (String host : List.of("localhost", "127.0.0.1")) {
                CompletableFuture<List<SNIServerName>> seen = new CompletableFuture<>();
                Thread t = Thread.ofVirtual().start(() -> {
                    try (SSLSocket s = (SSLSocket) listener.accept()) {
                        s.startHandshake();
                        seen.complete(((ExtendedSSLSession) s.getSession()).getRequestedServerNames());
                        s.getInputStream().read(); // until the client hangs up
                    } catch (Exception e) {
                        seen.completeExceptionally(e);
                    }
                });
                try (SSLSocket s = TestPki.get().clientConfig().upgrade(
                        new Socket(InetAddress.getByName("127.0.0.1"), listener.getLocalPort()), host, listener.getLocalPort())) {
                    List<SNIServerName> names = seen.get(10, TimeUnit.SECONDS);
                    if (host.equals("localhost")) {
                        assertThat(names).containsExactly(new SNIHostName("localhost"));
                    } else {
                        assertThat(names).as("RFC 6066: no IP literals in SNI").isEmpty();
                    }
                }
                t.join();
            }
        }
    }

    @Test
    void defaultTrustIsTheJdksStore(@TempDir Path dir) throws Exception {
        // The JDK's default trust store is cacerts unless javax.net.ssl.trustStore names another:
        // pointing it at the test CA shows the defaults load exactly that store and nothing else.
        Path store = dir.resolve("jdk-default.p12");
        try (var out = Files.newOutputStream(store)) {
            TestPki.get().trustStore().store(out, TestPki.PASSWORD);
        }
        String[] keys = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        try {
            System.setProperty(keys[0], store.toString());
            System.setProperty(keys[1], new String(TestPki.PASSWORD));
            System.setProperty(keys[2], "PKCS12");
            TlsConfig defaults = TlsConfig.builder().build(); // a fresh instance: its context is made now
            try (SSLSocket s = defaults.upgrade(plain(), "localhost", server.port())) {
                assertThat(echo(s, "jdk store")).isEqualTo("echo: jdk store");
            }
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
        // Back on cacerts, the test CA is unknown again (as untrustedCertificateFails shows for defaults()).
        assertThatThrownBy(() -> TlsConfig.builder().build().upgrade(plain(), "localhost", server.port()))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED));
    }
}
