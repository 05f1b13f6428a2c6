package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The steps a CallListener hears, in order, for new and reused connections, TLS, redirects and failures. */
@Timeout(20)
class CallListenerTest {

    /** Writes each step as a line, with the request's path. */
    private static final class Steps implements CallListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<SocketAddress> locals = new ArrayList<>();

        @Override
        public void resolved(HttpRequest request, String host, List<InetAddress> addresses) {
            seen.add("resolved " + host + " " + request.uri().getPath() + " " + !addresses.isEmpty());
        }

        @Override
        public void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
            seen.add("connected " + request.uri().getPath() + " " + ((InetSocketAddress) remote).getAddress().isLoopbackAddress());
            locals.add(local);
        }

        @Override
        public void tlsHandshaken(HttpRequest request, SSLSession session) {
            seen.add("tls " + request.uri().getPath() + " " + session.getProtocol());
        }

        @Override
        public void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
            seen.add("acquired " + request.uri().getPath() + (reused ? " reused" : " new") + " port " + ((InetSocketAddress) remote).getPort());
            locals.add(local);
        }

        @Override
        public void requestSent(HttpRequest request) {
            seen.add("sent " + request.method() + " " + request.uri().getPath());
        }

        @Override
        public void responseStarted(HttpRequest request) {
            seen.add("started " + request.uri().getPath());
        }

        @Override
        public void responseHeadersReceived(HttpRequest request, int status, Headers headers) {
            seen.add("headers " + request.uri().getPath() + " " + status + " " + headers.firstOrNull("X-Step"));
        }
    }

    @Test
    void aNewConnectionThenAReusedOneReportEachStepInOrder() throws Exception {
        Steps steps = new Steps();
        try (JdkServer s = JdkServer.http().handle("/", ex -> {
                    ex.getResponseHeaders().add("X-Step", "one");
                    JdkServer.respond(ex, 200, "hello");
                });
                HttpClient client = HttpClient.builder().callListener(steps).build()) {
            int port = s.server.getAddress().getPort();
            assertThat(client.send(HttpRequest.get(s.url("/a"))).bodyString()).isEqualTo("hello");
            assertThat(client.send(HttpRequest.get(s.url("/b"))).bodyString()).isEqualTo("hello");
            assertThat(steps.seen).containsExactly(
                    "resolved 127.0.0.1 /a true",
                    "connected /a true",
                    "acquired /a new port " + port,
                    "sent GET /a",
                    "started /a",
                    "headers /a 200 one",
                    "acquired /b reused port " + port,
                    "sent GET /b",
                    "started /b",
                    "headers /b 200 one");
            // the same local address as the connection the server saw
            assertThat(steps.locals).hasSize(3).allMatch(a -> a.equals(steps.locals.get(0)));
        }
    }

    @Test
    void httpsReportsTheHandshakeBetweenConnectAndAcquire() throws Exception {
        Steps steps = new Steps();
        try (JdkServer s = JdkServer.https().handle("/", ex -> JdkServer.respond(ex, 200, "secure"));
                HttpClient client = HttpClient.builder().tls(TestPki.get().clientConfig()).callListener(steps).build()) {
            assertThat(client.send(HttpRequest.get(s.url("/s"))).bodyString()).isEqualTo("secure");
            assertThat(steps.seen).hasSize(7);
            assertThat(steps.seen.get(0)).startsWith("resolved localhost /s");
            assertThat(steps.seen.get(1)).isEqualTo("connected /s true");
            assertThat(steps.seen.get(2)).startsWith("tls /s TLSv1.");
            assertThat(steps.seen.get(3)).startsWith("acquired /s new");
            assertThat(steps.seen.subList(4, 7)).containsExactly("sent GET /s", "started /s", "headers /s 200 null");
        }
    }

    @Test
    void eachHopOfARedirectIsItsOwnExchange() throws Exception {
        Steps steps = new Steps();
        try (JdkServer s = JdkServer.http();
                HttpClient client = HttpClient.builder().callListener(steps).build()) {
            s.handle("/old", ex -> {
                ex.getResponseHeaders().add("Location", "/new");
                JdkServer.respond(ex, 302, "");
            }).handle("/new", ex -> JdkServer.respond(ex, 200, "moved"));
            assertThat(client.send(HttpRequest.get(s.url("/old"))).bodyString()).isEqualTo("moved");
            assertThat(steps.seen).filteredOn(l -> l.startsWith("headers") || l.startsWith("acquired"))
                    .containsExactly("acquired /old new port " + s.server.getAddress().getPort(), "headers /old 302 null",
                            "acquired /new reused port " + s.server.getAddress().getPort(), "headers /new 200 null");
        }
    }

    @Test
    void aRefusedConnectionReportsTheResolutionOnly() throws Exception {
        Steps steps = new Steps();
        int closedPort;
        try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (HttpClient client = HttpClient.builder().callListener(steps).build()) {
            assertThatThrownBy(() -> client.send(HttpRequest.get("http://127.0.0.1:" + closedPort + "/x")))
                    .isInstanceOf(IOException.class);
            assertThat(steps.seen).containsExactly("resolved 127.0.0.1 /x true");
        }
    }
}
