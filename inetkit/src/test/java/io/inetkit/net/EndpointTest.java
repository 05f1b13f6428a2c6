package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void validatesHostAndPort() {
        assertThatThrownBy(() -> Endpoint.of("", 25)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> Endpoint.of("a b", 25)).hasMessageContaining("invalid character at index 1");
        assertThatThrownBy(() -> Endpoint.of("evil\r\nhost", 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.of("host", 0)).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> Endpoint.of("host", 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Endpoint.of("[::1]", 25).host()).isEqualTo("::1");
    }

    @Test
    void parsesHostPortForms() {
        assertThat(Endpoint.parse("mail.example.org:587", 25)).isEqualTo(Endpoint.of("mail.example.org", 587));
        assertThat(Endpoint.parse("mail.example.org", 25)).isEqualTo(Endpoint.of("mail.example.org", 25));
        assertThat(Endpoint.parse("[2001:db8::1]:993", 143)).isEqualTo(Endpoint.of("2001:db8::1", 993));
        assertThat(Endpoint.parse("[2001:db8::1]", 143).port()).isEqualTo(143);
        assertThat(Endpoint.parse("2001:db8::1", 143)).isEqualTo(Endpoint.of("2001:db8::1", 143));
        assertThatThrownBy(() -> Endpoint.parse("host:http", 80)).hasMessageContaining("invalid port");
        assertThatThrownBy(() -> Endpoint.parse("[::1", 80)).hasMessageContaining("missing ']'");
    }

    @Test
    void printsIpv6WithBrackets() {
        assertThat(Endpoint.of("::1", 25)).hasToString("[::1]:25");
        assertThat(Endpoint.of("localhost", 25)).hasToString("localhost:25");
    }

    @Test
    void wellKnownTlsPortsSuggestImplicitTls() {
        for (int port : new int[] {443, 465, 563, 636, 990, 993, 995}) {
            assertThat(Endpoint.of("h", port).suggestsImplicitTls()).as("port %d", port).isTrue();
        }
        for (int port : new int[] {21, 25, 80, 110, 119, 143, 587}) {
            assertThat(Endpoint.of("h", port).suggestsImplicitTls()).as("port %d", port).isFalse();
        }
    }

    @Test
    void timeoutsAreFiniteAndPositive() {
        assertThat(Timeouts.DEFAULT.connectMillis()).isEqualTo(10_000);
        assertThat(Timeouts.DEFAULT.withRead(Duration.ofSeconds(2)).readMillis()).isEqualTo(2000);
        assertThatThrownBy(() -> Timeouts.DEFAULT.withConnect(Duration.ZERO)).hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> Timeouts.DEFAULT.withIdle(Duration.ofSeconds(-1))).hasMessageContaining("idle");
        assertThatThrownBy(() -> Timeouts.DEFAULT.withRead(Duration.ofDays(100))).hasMessageContaining("too long");
    }
}
