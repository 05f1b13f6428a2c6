package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import io.inetkit.net.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TLS 1.3 server that completes the handshake and then says nothing more: the JDK's
 * SSLSocket.close() waits for the peer's close_notify for up to the read timeout, so ending a
 * call, or closing the client, must not close such a connection through TLS.
 */
@Timeout(30)
class TlsSilentPeerTest {
    private static final Duration LONG_READ = Duration.ofSeconds(20);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
    }

    /** Accepts connections, handshakes, reads the request and then stays silent until released. */
    private SSLServerSocket silentServer(boolean answer) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) TestPki.get().serverConfig().serverSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ss.setEnabledProtocols(new String[] {"TLSv1.3"});
        Thread t = Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) ss.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.startHandshake();
                            InputStream in = s.getInputStream();
                            byte[] buf = new byte[4096];
                            int n = in.read(buf); // the request head
                            if (answer && n > 0) {
                                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes());
                                s.getOutputStream().flush();
                            }
                            release.await();
                        } catch (IOException | InterruptedException e) {
                            // the test is over
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setName("silent-tls-acceptor");
        return ss;
    }

    private static HttpClient client(Duration callTimeout) throws Exception {
        HttpClient.Builder b = HttpClient.builder().tls(TestPki.get().clientConfig())
                .timeouts(Timeouts.DEFAULT.withRead(LONG_READ));
        if (callTimeout != null) {
            b.callTimeout(callTimeout);
        }
        return b.build();
    }

    @Test
    void theCallDeadlineEndsAHttpsCallOnTimeNotAfterTheReadTimeout() throws Exception {
        try (SSLServerSocket ss = silentServer(false); HttpClient client = client(Duration.ofMillis(500))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> client.send(HttpRequest.get("https://localhost:" + ss.getLocalPort() + "/")))
                    .isInstanceOf(CallTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void closingTheClientDoesNotWaitForAnIdleHttpsConnectionsPeer() throws Exception {
        try (SSLServerSocket ss = silentServer(true)) {
            HttpClient client = client(null);
            assertThat(client.send(HttpRequest.get("https://localhost:" + ss.getLocalPort() + "/")).bodyString()).isEqualTo("ok");
            assertThat(client.idleConnectionCount()).isEqualTo(1);
            long t0 = System.nanoTime();
            client.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
