package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server configured from cert.pem and key.pem files, as users have them. */
@Timeout(30)
class PemKeysTest {

    @Test
    void serverFromPemFilesIsTrustedByAClientOfTheCa(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.get();
        Path cert = Files.writeString(dir.resolve("cert.pem"), pki.serverChainPem());
        Path key = Files.writeString(dir.resolve("key.pem"), pki.serverKeyPem());
        Path ca = Files.writeString(dir.resolve("ca.pem"), pki.caPem());
        TlsConfig server = TlsConfig.builder().keyPem(cert, key).build();
        TlsConfig client = TlsConfig.builder().trustPem(ca).build();

        try (SSLServerSocket listener = (SSLServerSocket) server.serverSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofVirtual().start(() -> {
                try (var s = listener.accept(); OutputStream out = s.getOutputStream()) {
                    out.write('!');
                } catch (IOException e) {
                    // the client's assertion reports it
                }
            });
            try (SSLSocket s = (SSLSocket) client.socketFactory().createSocket("localhost", listener.getLocalPort())) {
                s.setSSLParameters(client.clientParameters("localhost"));
                InputStream in = s.getInputStream();
                assertThat(in.read()).isEqualTo('!');
                assertThat(s.getSession().getPeerCertificates()).hasSize(2);
            }
            serverThread.join();
        }
    }

    @Test
    void olderKeyFormatsAndJunkAreRefusedWithAHint(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.get();
        Path cert = Files.writeString(dir.resolve("cert.pem"), pki.serverChainPem());
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> TlsConfig.builder().keyPem(cert, pkcs1))
                .isInstanceOf(IOException.class).hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> TlsConfig.builder().keyPem(junk, junk))
                .isInstanceOf(IOException.class).hasMessageContaining("junk.pem");
    }

    @Test
    void oneFileWithKeyAndChainServesAsBoth(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.get();
        Path both = Files.writeString(dir.resolve("both.pem"),
                "subject=CN=server\n" + pki.serverKeyPem() + pki.serverChainPem()); // as curl's --cert accepts it
        java.security.KeyStore store = PemKeys.load(both, both, "x".toCharArray());
        assertThat(store.getCertificateChain("key")).hasSize(2);
        assertThat(store.getKey("key", "x".toCharArray())).isNotNull();
    }
}
