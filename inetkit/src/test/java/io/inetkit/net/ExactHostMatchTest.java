package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class ExactHostMatchTest {
    private final X509Certificate localhost = TestPki.get().server; // SAN: DNS localhost, IP 127.0.0.1, IP ::1

    @Test
    void decidesOnlyAnExactDnsName() {
        assertThat(ExactHostMatch.matches("localhost", localhost)).isTrue();
        assertThat(ExactHostMatch.matches("LocalHost.", localhost)).isTrue();
        assertThat(ExactHostMatch.matches("localhost..", localhost)).isFalse();
        assertThat(ExactHostMatch.matches("127.0.0.1", localhost)).isFalse(); // IP SANs are the JDK's
        assertThat(ExactHostMatch.matches("::1", localhost)).isFalse();
        assertThat(ExactHostMatch.matches("www.localhost", localhost)).isFalse();
        assertThat(ExactHostMatch.matches(null, localhost)).isFalse();
    }

    @Test
    void plainDnsNamesOnly() {
        assertThat(ExactHostMatch.isPlainDnsName("a-b.example.org")).isTrue();
        assertThat(ExactHostMatch.isPlainDnsName("9gag.com")).isTrue();
        assertThat(ExactHostMatch.isPlainDnsName("1.2.3.4")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("1234")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("*.example.org")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("xn--bcher-kva.example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("-a.example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("a-.example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("a..example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("a_b.example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("bücher.example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("a".repeat(64) + ".example")).isFalse();
        assertThat(ExactHostMatch.isPlainDnsName("")).isFalse();
    }
}
