package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** RFC 5952's text form of IPv6 addresses, as curl prints them. */
class IpTextTest {

    private static String text(String literal) throws Exception {
        return IpText.of(InetAddress.getByName(literal));
    }

    @Test
    void ipv6UsesTheShortForm() throws Exception {
        assertThat(text("::1")).isEqualTo("::1");
        assertThat(text("::")).isEqualTo("::");
        assertThat(text("2001:db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1"); // one zero group stays
        assertThat(text("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1"); // the longest run
        assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1"); // the first of equal runs
        assertThat(text("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(text("2001:DB8::ABCD")).isEqualTo("2001:db8::abcd");
    }

    @Test
    void ipv4IsDotted() throws Exception {
        assertThat(text("127.0.0.1")).isEqualTo("127.0.0.1");
    }
}
