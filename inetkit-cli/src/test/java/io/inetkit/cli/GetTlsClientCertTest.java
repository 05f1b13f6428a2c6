package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsExchange;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inet get -E/--cert, --key} against an HTTPS server that requires a client certificate.
 * The certificates are made at test time with keytool (no key files are committed).
 */
@Timeout(60)
class GetTlsClientCertTest {
    @TempDir
    static Path dir;
    static SelfSignedCert serverCert;
    static TestHttpServer server;
    static Path clientPem;
    static Path clientKey;

    @BeforeAll
    static void start() throws Exception {
        serverCert = SelfSignedCert.create(dir);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("client.p12");
        SelfSignedCert.run(List.of(keytool.toString(), "-genkeypair", "-alias", "client", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=test client", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate cert = ks.getCertificate("client");
        PrivateKey key = (PrivateKey) ks.getKey("client", "changeit".toCharArray());
        clientPem = dir.resolve("client.pem");
        clientKey = dir.resolve("client.key");
        Files.writeString(clientPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(clientKey, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("client", cert);
        server = TestHttpServer.httpsNeedingClientCert(SelfSignedCert.serverContextTrusting(dir, trust))
                .handle("/", ex -> {
                    String who;
                    try {
                        who = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
                    } catch (SSLPeerUnverifiedException e) {
                        who = "nobody";
                    }
                    respond(ex, 200, "hello " + who);
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void certificateAndKeyInTwoFiles() {
        CliRun r = run("get", "--cacert", serverCert.pem().toString(), "--cert", clientPem.toString(),
                "--key", clientKey.toString(), server.url("/"));
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("hello CN=test client");
    }

    @Test
    void certificateAndKeyInOneFile() throws Exception {
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(clientKey) + Files.readString(clientPem));
        CliRun r = run("get", "--cacert", serverCert.pem().toString(), "-E", both.toString(), server.url("/"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hello CN=test client");
    }

    @Test
    void withoutACertificateTheServerRefuses() {
        CliRun r = run("get", "--cacert", serverCert.pem().toString(), server.url("/"));
        assertThat(r.code()).isEqualTo(56); // as curl with TLS 1.3: the refusal arrives after the handshake
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("inet: ").containsIgnoringCase("certificate");
    }

    @Test
    void aMissingKeyIsExit58() {
        CliRun r = run("get", "--cacert", serverCert.pem().toString(), "--cert", clientPem.toString(),
                "--key", dir.resolve("nope.key").toString(), server.url("/"));
        assertThat(r.code()).isEqualTo(58);
        assertThat(r.err()).startsWith("inet: cannot use the client certificate").contains("nope.key");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aCertificateFileWithoutKeyIsExit58() {
        CliRun r = run("get", "--cacert", serverCert.pem().toString(), "--cert", clientPem.toString(), server.url("/"));
        assertThat(r.code()).isEqualTo(58);
        assertThat(r.err()).contains("PRIVATE KEY");
    }

    @Test
    void keyWithoutCertIsAUsageError() {
        CliRun r = run("get", "--key", clientKey.toString(), server.url("/"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--key needs --cert");
    }
}
