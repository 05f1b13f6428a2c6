package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.net.Endpoint;
import io.inetkit.net.TestPki;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP proxies (absolute form, CONNECT) and SOCKS5, with small proxies written for the test. */
@Timeout(30)
class ProxyTest {

    private JdkServer origin;
    private JdkServer tlsOrigin;
    private final List<String> proxyLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        origin = JdkServer.http().handle("/", ex -> JdkServer.respond(ex, 200, "plain " + ex.getRequestURI()));
        tlsOrigin = JdkServer.https().handle("/", ex -> JdkServer.respond(ex, 200, "tls " + ex.getRequestURI()));
    }

    @AfterEach
    void tearDown() {
        origin.close();
        tlsOrigin.close();
    }

    private static void pump(Socket a, Socket b) throws Exception {
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                a.getInputStream().transferTo(b.getOutputStream());
                b.shutdownOutput();
            } catch (IOException ignored) {
                // one side closed
            }
        });
        try {
            b.getInputStream().transferTo(a.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        }
        t.join();
    }

    /** An HTTP proxy: forwards absolute-form requests to the plain origin and tunnels CONNECT. */
    private RawServer httpProxy(String requiredAuth) throws Exception {
        return new RawServer(c -> {
            RawServer.Request r = c.read();
            proxyLog.add(r.line() + " auth=" + r.header("Proxy-Authorization"));
            if (requiredAuth != null && !requiredAuth.equals(r.header("Proxy-Authorization"))) {
                c.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            String target = r.line().split(" ")[1];
            if (r.line().startsWith("CONNECT ")) {
                Endpoint e = Endpoint.parse(target, 443);
                try (Socket up = new Socket(e.host(), e.port())) {
                    c.write("HTTP/1.1 200 Connection established\r\n\r\n");
                    pump(c.socket, up);
                }
                return;
            }
            URI u = URI.create(target);
            try (Socket up = new Socket(u.getHost(), u.getPort())) {
                String forwarded = r.line().replace(target, u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())) + "\r\nHost: " + u.getAuthority()
                        + "\r\nConnection: close\r\n\r\n";
                up.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
                up.getInputStream().transferTo(c.out);
            }
        });
    }

    /** A SOCKS5 proxy (RFC 1928/1929) that requires user "u" and password "p" when {@code auth}. */
    private RawServer socksProxy(boolean auth) throws Exception {
        return new RawServer(c -> {
            DataInputStream in = new DataInputStream(c.in);
            OutputStream out = c.out;
            assertThat(in.readUnsignedByte()).isEqualTo(5);
            byte[] methods = in.readNBytes(in.readUnsignedByte());
            int wanted = auth ? 2 : 0;
            if (!new String(methods, StandardCharsets.ISO_8859_1).contains(String.valueOf((char) wanted))) {
                out.write(new byte[] {5, (byte) 0xff});
                return;
            }
            out.write(new byte[] {5, (byte) wanted});
            if (auth) {
                in.readUnsignedByte();
                String user = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
                String pass = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
                boolean ok = user.equals("u") && pass.equals("p");
                out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
                if (!ok) {
                    return;
                }
            }
            in.readNBytes(3);
            int type = in.readUnsignedByte();
            String host = switch (type) {
                case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                case 1 -> java.net.InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
                default -> throw new IOException("type " + type);
            };
            int port = in.readUnsignedShort();
            proxyLog.add("SOCKS " + type + " " + host + ":" + port);
            try (Socket up = new Socket(host, port)) {
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                pump(c.socket, up);
            }
        });
    }

    private HttpClient client(Proxy proxy) throws Exception {
        return HttpClient.builder().proxy(ProxySelector.of(proxy)).tls(TestPki.get().clientConfig()).build();
    }

    @Test
    void httpProxyGetsAbsoluteFormWithCredentials() throws Exception {
        try (RawServer proxy = httpProxy("Basic dTpw");
             HttpClient c = client(new Proxy.Http(Endpoint.of("127.0.0.1", proxy.port()), new Credentials("u", "p")))) {
            assertThat(c.send(HttpRequest.get(origin.url("/x?y=1"))).bodyString()).isEqualTo("plain /x?y=1");
        }
        assertThat(proxyLog).containsExactly("GET " + origin.url("/x?y=1") + " HTTP/1.1 auth=Basic dTpw");
    }

    @Test
    void httpsGoesThroughAConnectTunnel() throws Exception {
        try (RawServer proxy = httpProxy("Basic dTpw");
             HttpClient c = client(new Proxy.Http(Endpoint.of("127.0.0.1", proxy.port()), new Credentials("u", "p")))) {
            assertThat(c.send(HttpRequest.get(tlsOrigin.url("/secret"))).bodyString()).isEqualTo("tls /secret");
        }
        assertThat(proxyLog).singleElement().asString()
                .startsWith("CONNECT localhost:" + tlsOrigin.server.getAddress().getPort() + " HTTP/1.1 auth=Basic dTpw");
    }

    @Test
    void refusedConnectIsAProxyException() throws Exception {
        try (RawServer proxy = httpProxy("Basic dTpw");
             HttpClient c = client(new Proxy.Http(Endpoint.of("127.0.0.1", proxy.port()), null))) {
            assertThatThrownBy(() -> c.send(HttpRequest.get(tlsOrigin.url("/")))).isInstanceOf(ProxyException.class)
                    .hasMessageContaining("407").hasMessageContaining("wants credentials");
        }
    }

    @Test
    void socks5WithRemoteDnsAndPassword() throws Exception {
        try (RawServer proxy = socksProxy(true);
             HttpClient c = client(new Proxy.Socks5(Endpoint.of("127.0.0.1", proxy.port()), new Credentials("u", "p")))) {
            assertThat(c.send(HttpRequest.get(tlsOrigin.url("/s"))).bodyString()).isEqualTo("tls /s");
            assertThat(c.send(HttpRequest.get(origin.url("/p"))).bodyString()).isEqualTo("plain /p");
        }
        assertThat(proxyLog).containsExactly("SOCKS 3 localhost:" + tlsOrigin.server.getAddress().getPort(),
                "SOCKS 1 127.0.0.1:" + origin.server.getAddress().getPort());
    }

    @Test
    void socks5Failures() throws Exception {
        try (RawServer proxy = socksProxy(true);
             HttpClient c = client(new Proxy.Socks5(Endpoint.of("127.0.0.1", proxy.port()), null))) {
            assertThatThrownBy(() -> c.send(HttpRequest.get(origin.url("/")))).isInstanceOf(ProxyException.class)
                    .hasMessageContaining("user name and password");
        }
        try (RawServer proxy = socksProxy(true);
             HttpClient c = client(new Proxy.Socks5(Endpoint.of("127.0.0.1", proxy.port()), new Credentials("u", "bad")))) {
            assertThatThrownBy(() -> c.send(HttpRequest.get(origin.url("/")))).isInstanceOf(ProxyException.class)
                    .hasMessageContaining("rejected");
        }
    }

    @Test
    void environmentVariables() {
        ProxySelector s = ProxyEnvironment.selector(Map.of(
                "http_proxy", "http://u:p@proxy.local:3128",
                "HTTPS_PROXY", "socks5h://socks.local",
                "no_proxy", "localhost, .internal.example, 10.0.0.1, svc:8080"));
        assertThat(s.select(URI.create("http://example.org/"))).isEqualTo(
                new Proxy.Http(Endpoint.of("proxy.local", 3128), new Credentials("u", "p")));
        assertThat(s.select(URI.create("https://example.org/"))).isEqualTo(new Proxy.Socks5(Endpoint.of("socks.local", 1080), null));
        assertThat(s.select(URI.create("http://localhost:9/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://a.internal.example/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://internal.example/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://10.0.0.1/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://svc:8080/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://svc:8081/"))).isNotEqualTo(Proxy.DIRECT);
        // upper-case HTTP_PROXY is ignored, as curl does (httpoxy)
        assertThat(ProxyEnvironment.selector(Map.of("HTTP_PROXY", "http://evil:1")).select(URI.create("http://x/")))
                .isEqualTo(Proxy.DIRECT);
        assertThat(ProxyEnvironment.selector(Map.of("all_proxy", "proxy:8080", "no_proxy", "*"))
                .select(URI.create("http://x/"))).isEqualTo(Proxy.DIRECT);
        assertThat(ProxyEnvironment.selector(Map.of("all_proxy", "proxy:8080")).select(URI.create("https://x/")))
                .isEqualTo(new Proxy.Http(Endpoint.of("proxy", 8080), null));
        assertThatThrownBy(() -> ProxyEnvironment.parse("ftp://p:1")).isInstanceOf(IllegalArgumentException.class);
        ProxySelector cidr = ProxyEnvironment.selector(Map.of("all_proxy", "proxy:8080", "no_proxy", "192.168.0.0/16,fd00::/8"));
        assertThat(cidr.select(URI.create("http://192.168.4.5/"))).isEqualTo(Proxy.DIRECT);
        assertThat(cidr.select(URI.create("http://[fd12::1]/"))).isEqualTo(Proxy.DIRECT);
        assertThat(cidr.select(URI.create("http://192.169.0.1/"))).isNotEqualTo(Proxy.DIRECT);
        assertThat(cidr.select(URI.create("http://example.org/"))).isNotEqualTo(Proxy.DIRECT);
    }

    @Test
    void bypassingSendsListedHostsDirectAndAsksTheNextSelectorForOthers() {
        Proxy proxy = new Proxy.Http(Endpoint.of("proxy", 8080), null);
        ProxySelector s = ProxyEnvironment.bypassing("example.org, 10.0.0.0/8", ProxySelector.of(proxy));
        assertThat(s.select(URI.create("http://www.example.org/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://10.1.2.3/"))).isEqualTo(Proxy.DIRECT);
        assertThat(s.select(URI.create("http://example.com/"))).isEqualTo(proxy);
        assertThat(ProxyEnvironment.bypassing("*", ProxySelector.of(proxy)).select(URI.create("http://x/")))
                .isEqualTo(Proxy.DIRECT);
        assertThat(ProxyEnvironment.bypassing("", ProxySelector.of(proxy)).select(URI.create("http://x/")))
                .isEqualTo(proxy);
    }
}
