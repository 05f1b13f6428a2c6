package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DialerTest {

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectsAndSetsReadTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withRead(Duration.ofMillis(1234))).build();
            try (Socket s = dialer.connect(Endpoint.of("127.0.0.1", server.getLocalPort()));
                 Socket accepted = server.accept()) {
                assertThat(s.getSoTimeout()).isEqualTo(1234);
                assertThat(s.getTcpNoDelay()).isTrue();
                assertThat(accepted.getPort()).isEqualTo(s.getLocalPort());
            }
        }
    }

    @Test
    void refusedNamesHostAndPort() throws Exception {
        int port = closedPort();
        assertThatThrownBy(() -> Dialer.defaults().connect(Endpoint.of("127.0.0.1", port)))
                .isInstanceOf(ConnectionRefusedException.class)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("refused");
    }

    @Test
    void unknownHostNamesHostAndPort() {
        Dialer dialer = Dialer.builder().resolver(h -> { throw new UnknownHostException(h); }).build();
        assertThatThrownBy(() -> dialer.connect(Endpoint.of("no-such-host.invalid", 25)))
                .isInstanceOf(HostNotFoundException.class)
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("unknown host no-such-host.invalid")
                .hasMessageContaining("no-such-host.invalid:25")
                .satisfies(e -> assertThat(((DialFailure) e).endpoint()).isEqualTo(Endpoint.of("no-such-host.invalid", 25)));
    }

    @Test
    void triesEveryAddressInTurnAlternatingFamilies() throws Exception {
        int dead = closedPort();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            List<String> tried = new ArrayList<>();
            // ::1 and 127.0.0.2 have nothing on the port (or no IPv6 at all): both must fail before 127.0.0.1 works.
            Dialer dialer = Dialer.builder().resolver(h -> {
                tried.add(h);
                return List.of(InetAddress.getByName("::1"), InetAddress.getByName("::1"),
                        InetAddress.getByName("127.0.0.1"));
            }).build();
            try (Socket s = dialer.connect(Endpoint.of("dual.test", port))) {
                assertThat(s.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
            }
            assertThat(tried).containsExactly("dual.test");
            // All addresses fail: one exception, the others suppressed, the count in the message.
            Dialer twoDead = Dialer.builder().resolver(h -> List.of(InetAddress.getByName("127.0.0.1"),
                    InetAddress.getByName("127.0.0.1"))).build();
            assertThatThrownBy(() -> twoDead.connect(Endpoint.of("dual.test", dead)))
                    .isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining("dual.test:" + dead).hasMessageContaining("tried 2 addresses")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        }
    }

    @Test
    void sourceAddressIsUsedAndFiltersFamilies() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            InetAddress source = InetAddress.getByName("127.0.0.1");
            Dialer dialer = Dialer.builder().sourceAddress(source)
                    .resolver(h -> List.of(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1"))).build();
            try (Socket s = dialer.connect(Endpoint.of("dual.test", server.getLocalPort()))) {
                assertThat(s.getLocalAddress()).isEqualTo(source);
            }
            Dialer v6only = Dialer.builder().sourceAddress(source)
                    .resolver(h -> List.of(InetAddress.getByName("::1"))).build();
            assertThatThrownBy(() -> v6only.connect(Endpoint.of("v6.test", 25)))
                    .isInstanceOf(HostNotFoundException.class).hasMessageContaining("no usable address");
        }
    }

    @Test
    void timeoutIsASocketTimeoutNamingHostAndPort() throws Exception {
        // A listener whose accept queue is full drops further SYNs on Linux, so connect() waits.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            List<Socket> fillers = new ArrayList<>();
            Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withConnect(Duration.ofMillis(300))).build();
            try {
                IOException failure = null;
                for (int i = 0; i < 20 && failure == null; i++) {
                    try {
                        fillers.add(dialer.connect(Endpoint.of("127.0.0.1", port)));
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                assertThat(failure).isInstanceOf(ConnectTimeoutException.class)
                        .isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("timed out after 300 ms");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }
}
