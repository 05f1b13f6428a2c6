package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
    void aListenerHearsTheResolutionEachFailedAddressAndTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            List<String> heard = new ArrayList<>();
            // nothing listens on 127.0.0.2 (the server is bound to 127.0.0.1 only): refused, then the next address
            Dialer dialer = Dialer.builder().resolver(h -> List.of(InetAddress.getByName("127.0.0.2"),
                    InetAddress.getByName("127.0.0.1"))).build();
            DialListener listener = new DialListener() {
                @Override
                public void resolved(Endpoint endpoint, List<InetAddress> addresses) {
                    heard.add("resolved " + endpoint + " " + addresses.stream().map(InetAddress::getHostAddress).toList());
                }

                @Override
                public void attemptFailed(Endpoint endpoint, java.net.InetSocketAddress address, IOException failure) {
                    heard.add("failed " + address.getAddress().getHostAddress() + " " + (failure instanceof ConnectException));
                }

                @Override
                public void connected(Endpoint endpoint, Socket socket) {
                    heard.add("connected " + socket.getInetAddress().getHostAddress() + " " + socket.isConnected());
                }
            };
            try (Socket s = dialer.connect(Endpoint.of("two.test", port), listener)) {
                assertThat(s.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
            }
            assertThat(heard).containsExactly("resolved two.test:" + port + " [127.0.0.2, 127.0.0.1]",
                    "failed 127.0.0.2 true", "connected 127.0.0.1 true");
        }
    }

    @Test
    void aListenerThatThrowsDoesNotLeakTheSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> handed = new ArrayList<>();
            DialListener broken = new DialListener() {
                @Override
                public void connected(Endpoint endpoint, Socket socket) {
                    handed.add(socket);
                    throw new IllegalStateException("listener bug");
                }
            };
            assertThatThrownBy(() -> Dialer.defaults().connect(Endpoint.of("127.0.0.1", server.getLocalPort()), broken))
                    .isInstanceOf(IllegalStateException.class).hasMessage("listener bug");
            assertThat(handed).hasSize(1);
            assertThat(handed.get(0).isClosed()).isTrue();
        }
    }

    @Test
    void sourceAddressIsUsedAndFiltersFamilies() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            // 127.0.0.2, not the address the kernel would pick anyway: the test fails if the bind is skipped.
            InetAddress source = InetAddress.getByName("127.0.0.2");
            Dialer dialer = Dialer.builder().sourceAddress(source)
                    .resolver(h -> List.of(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1"))).build();
            try (Socket s = dialer.connect(Endpoint.of("dual.test", server.getLocalPort()));
                 Socket accepted = server.accept()) {
                assertThat(s.getLocalAddress()).isEqualTo(source);
                assertThat(accepted.getInetAddress()).as("the server sees the source address").isEqualTo(source);
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

    @Test
    void unreachableNamesHostAndPort() {
        // Linux refuses TCP to a multicast address with ENETUNREACH before sending anything, so
        // this is a real "network is unreachable" without leaving the machine.
        Dialer dialer = Dialer.builder().resolver(h -> List.of(InetAddress.getByName("224.0.0.1"))).build();
        assertThatThrownBy(() -> dialer.connect(Endpoint.of("unreachable.test", 25)))
                .isInstanceOf(HostUnreachableException.class)
                .isInstanceOf(NoRouteToHostException.class)
                .hasMessageContaining("cannot reach unreachable.test:25")
                .hasMessageContaining("unreachable")
                .satisfies(e -> assertThat(((DialFailure) e).endpoint()).isEqualTo(Endpoint.of("unreachable.test", 25)));
    }

    @Test
    void eachConnectFailureKindHasItsOwnException() {
        Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withConnect(Duration.ofMillis(1500))).build();
        Endpoint ep = Endpoint.of("mx.example.org", 25);
        // EHOSTUNREACH (NoRouteToHostException) and ENETUNREACH (a SocketException naming it).
        assertThat(dialer.describe(ep, new NoRouteToHostException("No route to host"), 1))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessage("cannot reach mx.example.org:25: host or network unreachable");
        assertThat(dialer.describe(ep, new SocketException("Network is unreachable"), 2))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessage("cannot reach mx.example.org:25: host or network unreachable (tried 2 addresses)");
        assertThat(dialer.describe(ep, new ConnectException("Connection refused"), 1))
                .isInstanceOf(ConnectionRefusedException.class)
                .hasMessage("connection to mx.example.org:25 refused: nothing is listening on port 25");
        assertThat(dialer.describe(ep, new SocketTimeoutException("Connect timed out"), 1))
                .isInstanceOf(ConnectTimeoutException.class)
                .hasMessage("connecting to mx.example.org:25 timed out after 1500 ms");
        assertThat(dialer.describe(ep, new SocketException("Protocol family unavailable"), 1))
                .isInstanceOf(DialFailure.class)
                .hasMessageContaining("mx.example.org:25").hasMessageContaining("Protocol family unavailable");
    }

    @Test
    void addressesAlternateFamiliesStartingWithTheResolversFirstChoice() throws Exception {
        InetAddress a6 = InetAddress.getByName("2001:db8::1");
        InetAddress b6 = InetAddress.getByName("2001:db8::2");
        InetAddress c6 = InetAddress.getByName("2001:db8::3");
        InetAddress a4 = InetAddress.getByName("192.0.2.1");
        InetAddress b4 = InetAddress.getByName("192.0.2.2");
        Dialer dialer = Dialer.defaults();
        assertThat(dialer.interleave(List.of(a6, b6, c6, a4, b4))).containsExactly(a6, a4, b6, b4, c6);
        assertThat(dialer.interleave(List.of(a4, b4, a6))).containsExactly(a4, a6, b4);
        assertThat(dialer.interleave(List.of(a4, b4))).containsExactly(a4, b4);
        Dialer v4source = Dialer.builder().sourceAddress(InetAddress.getByName("127.0.0.1")).build();
        assertThat(v4source.interleave(List.of(a6, a4, b6, b4))).containsExactly(a4, b4);
    }

    @Test
    void theResolverIsAskedWithThePort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            List<Integer> asked = new ArrayList<>();
            Resolver pinning = new Resolver() {
                @Override
                public List<InetAddress> resolve(String host) throws UnknownHostException {
                    throw new UnknownHostException(host + " is only known with a port");
                }

                @Override
                public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
                    asked.add(port);
                    return port == server.getLocalPort() ? List.of(InetAddress.getByName("127.0.0.1")) : resolve(host);
                }
            };
            Dialer dialer = Dialer.builder().resolver(pinning).build();
            try (Socket s = dialer.connect(Endpoint.of("pinned.invalid", server.getLocalPort()));
                 Socket accepted = server.accept()) {
                assertThat(accepted.getPort()).isEqualTo(s.getLocalPort());
            }
            assertThatThrownBy(() -> dialer.connect(Endpoint.of("pinned.invalid", closedPort())))
                    .isInstanceOf(HostNotFoundException.class);
            assertThat(asked).hasSize(2).startsWith(server.getLocalPort());
        }
    }
}
