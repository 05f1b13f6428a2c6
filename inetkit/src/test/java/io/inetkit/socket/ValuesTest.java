package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void addressesPrintAndConvert() throws Exception {
        assertThat(Loopback.v4(80)).hasToString("127.0.0.1:80");
        assertThat(Loopback.v6(80)).hasToString("[::1]:80");
        assertThat(Loopback.addrPort("::", 0)).hasToString("[::]:0");
        assertThat(Loopback.addrPort("fe80:0:0:1:0:0:0:2", 1)).hasToString("[fe80:0:0:1::2]:1");
        assertThat(Loopback.addrPort("2001:db8:0:0:1:0:0:1", 1)).hasToString("[2001:db8::1:0:0:1]:1");
        assertThat(Loopback.addrPort("1:2:3:4:5:6:7:8", 1)).hasToString("[1:2:3:4:5:6:7:8]:1");
        assertThat(Address.unix(Path.of("/run/x.sock"))).hasToString("/run/x.sock");
        assertThat(Address.unix(Path.of(""))).hasToString("(unnamed)");
        assertThat(Address.inet("127.0.0.1", 5)).isEqualTo(Loopback.v4(5));
        assertThat(Address.of(new InetSocketAddress("127.0.0.1", 7))).isEqualTo(Loopback.v4(7));
        assertThat(Address.of(UnixDomainSocketAddress.of("/a"))).isEqualTo(Address.unix(Path.of("/a")));
        assertThat(Loopback.v4(7).toJava()).isEqualTo(new InetSocketAddress("127.0.0.1", 7));
        assertThat(Family.of(Loopback.v6(1))).isEqualTo(Family.INET6);
        assertThatThrownBy(() -> Address.of(InetSocketAddress.createUnresolved("example.org", 80)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unresolved address: example.org");
        assertThatThrownBy(() -> Loopback.v4(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be in 0..65535, got 65536");
    }

    @Test
    void errnoMapsJdkExceptions() {
        assertThat(Errno.of(111)).isEqualTo(Errno.ECONNREFUSED);
        assertThat(Errno.ECONNREFUSED.number()).isEqualTo(111);
        assertThat(Errno.ECONNREFUSED.description()).isEqualTo("connection refused");
        assertThatThrownBy(() -> Errno.of(4242)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Errno.fromException(new ConnectException("Connection refused"))).isEqualTo(Errno.ECONNREFUSED);
        assertThat(Errno.fromException(new ConnectException("Connection timed out"))).isEqualTo(Errno.ETIMEDOUT);
        assertThat(Errno.fromException(new SocketException("Network is unreachable"))).isEqualTo(Errno.ENETUNREACH);
        assertThat(Errno.fromException(new NoRouteToHostException("No route to host"))).isEqualTo(Errno.EHOSTUNREACH);
        assertThat(Errno.fromException(new BindException("Cannot assign requested address"))).isEqualTo(Errno.EADDRNOTAVAIL);
        assertThat(Errno.fromException(new BindException("Address already in use"))).isEqualTo(Errno.EADDRINUSE);
        assertThat(Errno.fromException(new SocketException("Connection reset"))).isEqualTo(Errno.ECONNRESET);
        assertThat(Errno.fromException(new IOException("Broken pipe"))).isEqualTo(Errno.EPIPE);
        assertThat(Errno.fromException(new SocketTimeoutException())).isEqualTo(Errno.ETIMEDOUT);
        assertThat(Errno.fromException(new AsynchronousCloseException())).isEqualTo(Errno.EBADF);
        assertThat(Errno.fromException(new ClosedChannelException())).isEqualTo(Errno.EBADF);
        assertThat(Errno.fromException(new IOException("something odd"))).isEqualTo(Errno.EIO);
        assertThat(Errno.fromException(new WouldBlockException(Errno.EINPROGRESS, "x"))).isEqualTo(Errno.EINPROGRESS);
    }

    @Test
    void filenoIsTheDescriptorOnlyWhenTheJdkOpensItsInternals() throws Exception {
        boolean opened = Object.class.getModule().isOpen("sun.nio.ch", Socket.class.getModule());
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            if (opened) {
                assertThat(s.fileno()).isGreaterThan(2);
            } else {
                assertThat(s.fileno()).isEqualTo(-1);
            }
        }
    }

    @Test
    void datagramRecordComparesContent() {
        Datagram a = new Datagram(new byte[] {1, 2}, Loopback.v4(1));
        assertThat(a).isEqualTo(new Datagram(new byte[] {1, 2}, Loopback.v4(1)))
                .hasSameHashCodeAs(new Datagram(new byte[] {1, 2}, Loopback.v4(1)))
                .isNotEqualTo(new Datagram(new byte[] {1}, Loopback.v4(1)))
                .hasToString("Datagram[2 bytes from 127.0.0.1:1]");
    }
}
