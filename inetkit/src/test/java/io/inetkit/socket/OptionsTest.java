package io.inetkit.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OptionsTest {

    @Test
    void tcpOptionsRoundTrip() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            for (boolean v : new boolean[] {true, false}) {
                s.setOption(Options.SO_REUSEADDR, v);
                assertThat(s.getOption(Options.SO_REUSEADDR)).isEqualTo(v);
                s.setOption(Options.SO_KEEPALIVE, v);
                assertThat(s.getOption(Options.SO_KEEPALIVE)).isEqualTo(v);
                s.setOption(Options.TCP_NODELAY, v);
                assertThat(s.getOption(Options.TCP_NODELAY)).isEqualTo(v);
                s.setOption(Options.SO_REUSEPORT, v);
                assertThat(s.getOption(Options.SO_REUSEPORT)).isEqualTo(v);
            }
            s.setOption(Options.SO_RCVBUF, 65536);
            assertThat(s.getOption(Options.SO_RCVBUF)).isGreaterThanOrEqualTo(65536);
            s.setOption(Options.SO_SNDBUF, 65536);
            assertThat(s.getOption(Options.SO_SNDBUF)).isGreaterThanOrEqualTo(65536);
            s.setOption(Options.SO_LINGER, 5);
            assertThat(s.getOption(Options.SO_LINGER)).isEqualTo(5);
            s.setOption(Options.SO_LINGER, -1);
            assertThat(s.getOption(Options.SO_LINGER)).isEqualTo(-1);
            s.setOption(Options.TCP_KEEPIDLE, 30);
            assertThat(s.getOption(Options.TCP_KEEPIDLE)).isEqualTo(30);
            s.setOption(Options.TCP_KEEPINTERVAL, 7);
            assertThat(s.getOption(Options.TCP_KEEPINTERVAL)).isEqualTo(7);
            s.setOption(Options.TCP_KEEPCOUNT, 3);
            assertThat(s.getOption(Options.TCP_KEEPCOUNT)).isEqualTo(3);
            s.setOption(Options.IP_TOS, 0x10);
            assertThat(s.getOption(Options.IP_TOS)).isEqualTo(0x10);
        }
    }

    @Test
    void udpOptionsRoundTrip() throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(Loopback.addr("127.0.0.1"));
        try (Socket s = Socket.open(Family.INET, Kind.DGRAM)) {
            s.setOption(Options.SO_BROADCAST, true);
            assertThat(s.getOption(Options.SO_BROADCAST)).isTrue();
            s.setOption(Options.IP_MULTICAST_TTL, 4);
            assertThat(s.getOption(Options.IP_MULTICAST_TTL)).isEqualTo(4);
            s.setOption(Options.IP_MULTICAST_LOOP, false);
            assertThat(s.getOption(Options.IP_MULTICAST_LOOP)).isFalse();
            s.setOption(Options.IP_MULTICAST_IF, lo);
            assertThat(s.getOption(Options.IP_MULTICAST_IF)).isEqualTo(lo);
            assertThatThrownBy(() -> s.setOption(Options.IP_MULTICAST_TTL, 300))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("IP_MULTICAST_TTL: invalid value 300");
        }
    }

    @Test
    void ipv6OnlyIsReportedHonestly() throws Exception {
        try (Socket six = Socket.open(Family.INET6, Kind.STREAM); Socket four = Socket.open(Family.INET, Kind.STREAM)) {
            assertThat(six.getOption(Options.IPV6_V6ONLY)).isFalse();
            six.setOption(Options.IPV6_V6ONLY, false);
            assertThatThrownBy(() -> six.setOption(Options.IPV6_V6ONLY, true))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageStartingWith("IPV6_V6ONLY=true is not available");
            assertThatThrownBy(() -> four.getOption(Options.IPV6_V6ONLY))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("IPV6_V6ONLY applies to INET6 sockets only, not to an INET STREAM socket");
        }
    }

    @Test
    void unsupportedOptionNamesItself() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            assertThatThrownBy(() -> s.setOption(Options.SO_BROADCAST, true))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("SO_BROADCAST is not supported by an INET STREAM socket on this platform");
            s.listen(1);
            assertThatThrownBy(() -> s.getOption(Options.TCP_NODELAY))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("TCP_NODELAY is not supported by a listening INET STREAM socket on this platform");
        }
        try (Socket u = Socket.open(Family.INET, Kind.DGRAM)) {
            assertThatThrownBy(() -> u.setOption(Options.TCP_NODELAY, true)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void optionsSetBeforeListenCarryOverToTheListener() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            s.setOption(Options.SO_REUSEADDR, true);
            s.setOption(Options.SO_REUSEPORT, true); // off by default on a new listener
            s.setOption(Options.SO_RCVBUF, 200_000);
            s.setOption(Options.TCP_NODELAY, true); // the listener lacks it: skipped, not an error
            s.bind(Loopback.v4(0));
            s.listen(1);
            assertThat(s.getOption(Options.SO_REUSEPORT)).isTrue();
            assertThat(s.getOption(Options.SO_RCVBUF)).isGreaterThanOrEqualTo(200_000);
            s.setOption(Options.SO_REUSEPORT, false);
            assertThat(s.getOption(Options.SO_REUSEPORT)).isFalse();
        }
    }

    @Test
    void badValuesAndClosedSockets() throws Exception {
        Socket s = Socket.open(Family.INET, Kind.STREAM);
        assertThatThrownBy(() -> s.setOption(Options.SO_RCVBUF, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SO_RCVBUF: invalid value -1");
        assertThatThrownBy(() -> s.setOption(Options.SO_RCVBUF, null)).isInstanceOf(NullPointerException.class);
        s.close();
        assertThatThrownBy(() -> s.getOption(Options.SO_RCVBUF)).isInstanceOf(SocketClosedException.class);
        assertThat(Options.ALL).hasSize(16).extracting(Option::name).doesNotHaveDuplicates();
        assertThat(Options.TCP_NODELAY.type()).isEqualTo(Boolean.class);
        assertThat(Options.TCP_NODELAY).hasToString("TCP_NODELAY");
    }
}
