package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The access log's client address as nginx writes it. */
class AccessLogTest {

    @Test
    void ipv6ClientsAreLoggedInTheShortForm() throws Exception {
        String v6 = AccessLog.line(new InetSocketAddress(InetAddress.getByName("::1"), 5000), "GET / HTTP/1.1", 200, 12);
        assertThat(v6).startsWith("::1 - - [").endsWith("] \"GET / HTTP/1.1\" 200 12");
        String v4 = AccessLog.line(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000), "GET / HTTP/1.1", 304, 0);
        assertThat(v4).startsWith("127.0.0.1 - - [").endsWith("\" 304 -");
    }
}
