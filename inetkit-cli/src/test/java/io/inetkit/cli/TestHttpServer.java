package io.inetkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The JDK's HTTP(S) server on loopback with virtual-thread handlers. */
final class TestHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String scheme;

    private TestHttpServer(SSLContext tls, boolean needClientAuth) throws IOException {
        this(tls, needClientAuth, null);
    }

    private TestHttpServer(SSLContext tls, boolean needClientAuth, String[] protocols) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(address, 50);
            s.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = tls.getDefaultSSLParameters();
                    p.setNeedClientAuth(needClientAuth);
                    if (protocols != null) {
                        p.setProtocols(protocols);
                    }
                    params.setSSLParameters(p);
                }
            });
            server = s;
            scheme = "https://localhost:";
        } else {
            server = HttpServer.create(address, 50);
            scheme = "http://127.0.0.1:";
        }
        server.setExecutor(executor);
        server.start();
    }

    static TestHttpServer http() throws IOException {
        return new TestHttpServer(null, false);
    }

    static TestHttpServer https(SSLContext tls) throws IOException {
        return new TestHttpServer(tls, false);
    }

    /** An HTTPS server that speaks only these TLS versions (e.g. "TLSv1.2"). */
    static TestHttpServer httpsOnly(SSLContext tls, String... protocols) throws IOException {
        return new TestHttpServer(tls, false, protocols);
    }

    /** An HTTPS server that refuses clients without a certificate its context trusts. */
    static TestHttpServer httpsNeedingClientCert(SSLContext tls) throws IOException {
        return new TestHttpServer(tls, true);
    }

    TestHttpServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    String url(String path) {
        return scheme + server.getAddress().getPort() + path;
    }

    static void respond(HttpExchange ex, int status, String body) throws IOException {
        respond(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
