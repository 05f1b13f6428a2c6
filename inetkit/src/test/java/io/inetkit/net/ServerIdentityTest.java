package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which host names a server certificate vouches for, through a real handshake: exact names are
 * decided by {@link ExactHostMatch}, every other form by the JDK, and the split must accept and
 * refuse exactly what the JDK alone would.
 */
@Timeout(30)
class ServerIdentityTest {

    private static String connect(TlsConfig server, String host) throws Exception {
        try (TlsServer s = new TlsServer(server);
                SSLSocket tls = TestPki.get().clientConfig()
                        .upgrade(new Socket(InetAddress.getLoopbackAddress(), s.port()), host, s.port())) {
            tls.getOutputStream().write("hi\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static void refused(TlsConfig server, String host, TlsException.Reason reason) {
        assertThatThrownBy(() -> connect(server, host))
                .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    @Test
    void exactNameIgnoringCaseAndATrailingDot() throws Exception {
        TlsConfig server = TestPki.get().serverConfigFor("other", dns("Www.Example.ORG"), dns("api.example.org"));
        assertThat(connect(server, "www.example.org")).isEqualTo("echo: hi");
        assertThat(connect(server, "API.example.org.")).isEqualTo("echo: hi");
        refused(server, "example.org", TlsException.Reason.HOST_MISMATCH);
        refused(server, "other", TlsException.Reason.HOST_MISMATCH); // a CN does not count beside DNS SANs
    }

    @Test
    void wildcardsGoToTheJdkWithItsRules() throws Exception {
        TlsConfig server = TestPki.get().serverConfigFor("wild", dns("*.wild.example"));
        assertThat(connect(server, "a.wild.example")).isEqualTo("echo: hi");
        refused(server, "a.b.wild.example", TlsException.Reason.HOST_MISMATCH);
        refused(server, "wild.example", TlsException.Reason.HOST_MISMATCH);
    }

    @Test
    void aCertificateWithoutSubjectAlternativeNamesFallsBackToItsCn() throws Exception {
        TlsConfig server = TestPki.get().serverConfigFor("cn-only.example");
        assertThat(connect(server, "cn-only.example")).isEqualTo("echo: hi");
        refused(server, "other.example", TlsException.Reason.HOST_MISMATCH);
    }

    @Test
    void anIpAddressNeedsAnIpSanNotADnsNameSpelledAsOne() throws Exception {
        TlsConfig dnsSpelled = TestPki.get().serverConfigFor("ip", dns("127.0.0.1"));
        refused(dnsSpelled, "127.0.0.1", TlsException.Reason.HOST_MISMATCH);
        TlsConfig ipSan = TestPki.get().serverConfigFor("ip", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        assertThat(connect(ipSan, "127.0.0.1")).isEqualTo("echo: hi");
    }

    @Test
    void anExactNameStillNeedsATrustedChain() throws Exception {
        TlsConfig server = TestPki.get().serverConfigFor("x", dns("trusted.example"));
        try (TlsServer s = new TlsServer(server)) {
            assertThatThrownBy(() -> TlsConfig.defaults()
                    .upgrade(new Socket(InetAddress.getLoopbackAddress(), s.port()), "trusted.example", s.port()))
                    .isInstanceOfSatisfying(TlsException.class, e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.UNTRUSTED));
        }
    }
}
