package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.socket.Accepted;
import io.inetkit.socket.Address;
import io.inetkit.socket.Family;
import io.inetkit.socket.Kind;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Dialer's Unix-socket mode and the java.net.Socket adapter behind it. */
@Timeout(30)
class UnixDomainSocketTest {
    private static final Endpoint DOCKER = Endpoint.of("localhost", 80);

    @TempDir
    Path dir;
    private Path path;
    private io.inetkit.socket.Socket server;

    @BeforeEach
    void listen() throws Exception {
        path = dir.resolve("s.sock");
        server = io.inetkit.socket.Socket.open(Family.UNIX, Kind.STREAM);
        server.bind(new Address.Unix(path));
        server.listen(5);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private Dialer dialer(Duration read) {
        return Dialer.builder().unixSocket(path).timeouts(Timeouts.DEFAULT.withRead(read)).build();
    }

    @Test
    void connectsToThePathAndExchangesBytes() throws Exception {
        try (Socket s = dialer(Duration.ofSeconds(5)).connect(DOCKER);
                io.inetkit.socket.Socket peer = server.accept().socket()) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(peer.recv(4), StandardCharsets.US_ASCII)).isEqualTo("ping");
            peer.sendAll("pong".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().readNBytes(4)).asString(StandardCharsets.US_ASCII).isEqualTo("pong");
            assertThat(s.getRemoteSocketAddress()).isEqualTo(UnixDomainSocketAddress.of(path));
            assertThat(s.getInetAddress()).isNull();
            assertThat(s.getPort()).isZero();
            assertThat(s.getSoTimeout()).isEqualTo(5000);
            s.shutdownOutput();
            assertThat(s.isOutputShutdown()).isTrue();
            assertThat(peer.recv(1)).isEmpty(); // the peer sees the end of stream
        }
    }

    @Test
    void aSilentPeerTimesOutAndTheSocketStaysUsable() throws Exception {
        try (Socket s = dialer(Duration.ofMillis(200)).connect(DOCKER);
                io.inetkit.socket.Socket peer = server.accept().socket()) {
            InputStream in = s.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            peer.sendAll(new byte[] {42});
            assertThat(in.read()).isEqualTo(42);
        }
    }

    @Test
    void tcpOptionsAreRefusedClearlyExceptNoDelay() throws Exception {
        try (Socket s = dialer(Duration.ofSeconds(5)).connect(DOCKER)) {
            s.setTcpNoDelay(true); // what every client does: accepted, nothing to switch
            assertThatThrownBy(() -> s.setKeepAlive(true)).isInstanceOf(SocketException.class)
                    .hasMessageContaining("SO_KEEPALIVE").hasMessageContaining(path.toString());
            assertThatThrownBy(() -> s.connect(UnixDomainSocketAddress.of(path))).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void closingAStreamClosesTheSocket() throws Exception {
        Socket s = dialer(Duration.ofSeconds(5)).connect(DOCKER);
        s.getInputStream().close();
        assertThat(s.isClosed()).isTrue();
        assertThatThrownBy(s::getOutputStream).isInstanceOf(SocketException.class);
    }

    @Test
    void theListenerHearsTheConnectionButNoResolution() throws Exception {
        StringBuilder heard = new StringBuilder();
        DialListener listener = new DialListener() {
            @Override
            public void resolved(Endpoint endpoint, java.util.List<java.net.InetAddress> addresses) {
                heard.append("resolved ");
            }

            @Override
            public void connected(Endpoint endpoint, Socket socket) {
                heard.append("connected ").append(endpoint).append(' ').append(socket.getRemoteSocketAddress());
            }
        };
        try (Socket s = dialer(Duration.ofSeconds(5)).connect(DOCKER, listener)) {
            assertThat(heard.toString()).isEqualTo("connected localhost:80 " + path);
        }
    }

    @Test
    void nobodyListeningIsRefusedNamingThePathAndEndpoint() {
        server.close(); // deletes the socket file
        assertThatThrownBy(() -> dialer(Duration.ofSeconds(5)).connect(DOCKER))
                .isInstanceOf(ConnectionRefusedException.class)
                .hasMessage("cannot connect to the Unix socket " + path + " (for localhost:80): no such file")
                .satisfies(e -> assertThat(((DialFailure) e).endpoint()).isEqualTo(DOCKER));
    }

    @Test
    void tlsRunsOnTopWithTheEndpointsHostVerified() throws Exception {
        TestPki pki = TestPki.get();
        CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
            try {
                Accepted a = server.accept();
                Socket plain = UnixDomainSocket.of(a.socket(), path);
                try (SSLSocket tls = (SSLSocket) pki.serverConfig().sslContext().getSocketFactory()
                        .createSocket(plain, null, true)) {
                    tls.setUseClientMode(false);
                    byte[] got = tls.getInputStream().readNBytes(5);
                    tls.getOutputStream().write("world".getBytes(StandardCharsets.US_ASCII));
                    tls.getOutputStream().flush();
                    return new String(got, StandardCharsets.US_ASCII);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Dialer dialer = Dialer.builder().unixSocket(path).tls(pki.clientConfig()).build();
        try (SSLSocket tls = dialer.connectTls(Endpoint.of("localhost", 443))) {
            tls.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            assertThat(tls.getInputStream().readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("world");
            assertThat(tls.getSession().getProtocol()).startsWith("TLSv1.");
        }
        assertThat(served.get()).isEqualTo("hello");
    }

    @Test
    void anHttpsUrlRunsTlsOverTheSocket() throws Exception {
        TestPki pki = TestPki.get();
        CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
            try {
                Socket plain = UnixDomainSocket.of(server.accept().socket(), path);
                try (SSLSocket tls = (SSLSocket) pki.serverConfig().sslContext().getSocketFactory()
                        .createSocket(plain, null, true)) {
                    tls.setUseClientMode(false);
                    java.io.BufferedReader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
                    StringBuilder head = new StringBuilder();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append('\n');
                    }
                    tls.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    tls.getOutputStream().flush();
                    return head.toString();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (io.inetkit.http.HttpClient client = io.inetkit.http.HttpClient.builder().unixSocket(path)
                        .tls(pki.clientConfig()).build();
                io.inetkit.http.HttpResponse r = client.send(io.inetkit.http.HttpRequest.get("https://localhost/v"))) {
            assertThat(r.bodyString()).isEqualTo("secret");
        }
        assertThat(served.get()).startsWith("GET /v HTTP/1.1\n").contains("Host: localhost\n");
    }

    @Test
    void anotherHostNameFailsVerification() throws Exception {
        TestPki pki = TestPki.get();
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                Socket plain = UnixDomainSocket.of(server.accept().socket(), path);
                try (SSLSocket tls = (SSLSocket) pki.serverConfig().sslContext().getSocketFactory()
                        .createSocket(plain, null, true)) {
                    tls.setUseClientMode(false);
                    tls.getInputStream().read(); // the handshake, which the client abandons
                } catch (java.io.IOException expected) {
                    // the client refused the certificate
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Dialer dialer = Dialer.builder().unixSocket(path).tls(pki.clientConfig()).build();
        assertThatThrownBy(() -> dialer.connectTls(Endpoint.of("docker.example", 443)))
                .isInstanceOf(TlsException.class);
        served.get();
    }
}
