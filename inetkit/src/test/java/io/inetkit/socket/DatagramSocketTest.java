package io.inetkit.socket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(20)
class DatagramSocketTest {

    private static Address.Inet loopback(Family family) {
        return family == Family.INET ? Loopback.v4(0) : Loopback.v6(0);
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"INET", "INET6"})
    void sendToAndRecvFrom(Family family) throws Exception {
        try (Socket a = Socket.open(family, Kind.DGRAM); Socket b = Socket.open(family, Kind.DGRAM)) {
            a.bind(loopback(family));
            b.bind(loopback(family));
            a.setTimeout(Duration.ofSeconds(5));
            b.setTimeout(Duration.ofSeconds(5));
            assertThat(b.sendTo("ping".getBytes(US_ASCII), a.localAddress())).isEqualTo(4);
            Datagram d = a.recvFrom(100);
            assertThat(new String(d.data(), US_ASCII)).isEqualTo("ping");
            assertThat(d.sender()).isEqualTo(b.localAddress());
            a.sendTo(ByteBuffer.wrap("pong".getBytes(US_ASCII)), d.sender());
            assertThat(new String(b.recv(100), US_ASCII)).isEqualTo("pong");
            b.sendTo(new byte[0], a.localAddress());
            Datagram empty = a.recvFrom(10); // an empty datagram is data, not end of stream
            assertThat(empty.data()).isEmpty();
            assertThat(empty.sender()).isEqualTo(b.localAddress());
        }
    }

    @Test
    void connectedDatagramSocketUsesSendAndRecv() throws Exception {
        try (Socket a = Socket.open(Family.INET, Kind.DGRAM); Socket b = Socket.open(Family.INET, Kind.DGRAM)) {
            a.bind(Loopback.v4(0));
            b.bind(Loopback.v4(0));
            b.connect(a.localAddress());
            a.connect(b.localAddress());
            assertThat(b.isConnected()).isTrue();
            assertThat(b.peerAddress()).isEqualTo(a.localAddress());
            assertThat(b.send("12345".getBytes(US_ASCII))).isEqualTo(5);
            // A datagram longer than the buffer is cut, as in Python.
            assertThat(new String(a.recv(3), US_ASCII)).isEqualTo("123");
            a.setTimeout(Duration.ofSeconds(5));
            ByteBuffer into = ByteBuffer.allocate(8);
            b.send(new byte[] {9, 9});
            assertThat(a.recvInto(into)).isEqualTo(2);
            assertThatThrownBy(() -> b.sendTo(new byte[1], Loopback.v4(9))).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("DGRAM socket is connected to 127.0.0.1:");
        }
    }

    @Test
    void datagramConnectCanChangeThePeer() throws Exception {
        try (Socket a = Socket.open(Family.INET6, Kind.DGRAM); Socket b = Socket.open(Family.INET6, Kind.DGRAM);
                Socket c = Socket.open(Family.INET6, Kind.DGRAM)) {
            a.bind(Loopback.v6(0));
            b.bind(Loopback.v6(0));
            c.connect(a.localAddress());
            c.connect(b.localAddress());
            assertThat(c.peerAddress()).isEqualTo(b.localAddress());
            b.setTimeout(Duration.ofSeconds(5));
            c.send(new byte[] {6});
            assertThat(b.recvFrom(4)).isEqualTo(new Datagram(new byte[] {6}, c.localAddress()));
        }
    }

    @Test
    void connectedDatagramToAClosedPortIsRefused() throws Exception {
        int port;
        try (Socket gone = Socket.open(Family.INET, Kind.DGRAM)) {
            gone.bind(Loopback.v4(0));
            port = ((Address.Inet) gone.localAddress()).port();
        }
        try (Socket s = Socket.open(Family.INET, Kind.DGRAM)) {
            s.connect(Loopback.v4(port));
            s.setTimeout(Duration.ofSeconds(5));
            s.send(new byte[] {1});
            // The ICMP port-unreachable comes back as ECONNREFUSED on the next receive.
            assertThatThrownBy(() -> s.recv(10)).isInstanceOfSatisfying(SocketFailureException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ECONNREFUSED))
                    .hasMessageContaining("recv").hasMessageContaining("(ECONNREFUSED)");
        }
    }

    @Test
    void recvFromTimesOutAndWouldBlock() throws Exception {
        try (Socket s = Socket.open(Family.INET, Kind.DGRAM)) {
            s.bind(Loopback.v4(0));
            s.setTimeout(Duration.ofMillis(200));
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.recvFrom(10)).isInstanceOf(TimedOutException.class)
                    .hasMessage("recvFrom timed out after 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
            s.setBlocking(false);
            assertThatThrownBy(() -> s.recv(10)).isInstanceOf(WouldBlockException.class);
        }
    }

    @Test
    void misuse() throws Exception {
        assertThatThrownBy(() -> Socket.open(Family.UNIX, Kind.DGRAM)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("the JDK has no Unix-domain datagram channel");
        try (Socket s = Socket.open(Family.INET, Kind.DGRAM)) {
            assertThatThrownBy(() -> s.send(new byte[1])).isInstanceOf(IllegalStateException.class)
                    .hasMessage("send on an unconnected DGRAM socket; connect first or use sendTo");
            assertThatThrownBy(() -> s.accept()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.shutdown(Shutdown.BOTH)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("shutdown needs a connected STREAM socket; this socket is DGRAM");
            assertThatThrownBy(() -> s.sendTo(new byte[1], Loopback.v6(9))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sendTo: an INET socket needs an IPv4 address, got [::1]:9");
            NetworkInterface lo = NetworkInterface.getByInetAddress(Loopback.addr("127.0.0.1"));
            assertThatThrownBy(() -> s.joinGroup(Loopback.addr("127.0.0.1"), lo))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("127.0.0.1 is not a multicast address");
            assertThatThrownBy(() -> s.leaveGroup(InetAddress.getByName("239.255.0.1"), lo))
                    .isInstanceOf(IllegalStateException.class).hasMessage("not a member of 239.255.0.1 on lo");
        }
        try (Socket t = Socket.open(Family.INET, Kind.STREAM)) {
            assertThatThrownBy(() -> t.joinGroup(InetAddress.getByName("239.255.0.1"),
                    NetworkInterface.getByInetAddress(Loopback.addr("127.0.0.1"))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("multicast groups need a DGRAM socket");
        }
    }

    @Test
    void multicastOnLoopback() throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(Loopback.addr("127.0.0.1"));
        InetAddress group = InetAddress.getByName("239.255.42.99");
        try (Socket receiver = Socket.open(Family.INET, Kind.DGRAM); Socket sender = Socket.open(Family.INET, Kind.DGRAM)) {
            receiver.setOption(Options.SO_REUSEADDR, true);
            receiver.bind(Loopback.addrPort("0.0.0.0", 0));
            try {
                receiver.joinGroup(group, lo);
            } catch (IOException e) {
                assumeThat(e).as("loopback interface refuses multicast here").isNull();
            }
            assertThatThrownBy(() -> receiver.joinGroup(group, lo)).isInstanceOf(IllegalStateException.class);
            sender.setOption(Options.IP_MULTICAST_IF, lo);
            sender.setOption(Options.IP_MULTICAST_LOOP, true);
            sender.setOption(Options.IP_MULTICAST_TTL, 0); // never leaves the host
            int port = ((Address.Inet) receiver.localAddress()).port();
            receiver.setTimeout(Duration.ofSeconds(2));
            try {
                sender.sendTo("hello group".getBytes(US_ASCII), new Address.Inet(group, port));
                Datagram d = receiver.recvFrom(100);
                assertThat(new String(d.data(), US_ASCII)).isEqualTo("hello group");
            } catch (IOException e) {
                assumeThat(e).as("no multicast route over loopback here").isNull();
            }
            receiver.leaveGroup(group, lo);
        }
    }
}
