package io.inetkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.inetkit.net.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on loopback, with virtual-thread handlers; optionally HTTPS with the test PKI. */
final class JdkServer implements AutoCloseable {

    final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean https;

    private JdkServer(boolean https) throws Exception {
        this.https = https;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (https) {
            HttpsServer s = HttpsServer.create(address, 50);
            s.setHttpsConfigurator(new HttpsConfigurator(TestPki.get().serverConfig().sslContext()));
            server = s;
        } else {
            server = HttpServer.create(address, 50);
        }
        server.setExecutor(executor);
        server.start();
    }

    static JdkServer http() throws Exception {
        return new JdkServer(false);
    }

    static JdkServer https() throws Exception {
        return new JdkServer(true);
    }

    JdkServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    String url(String path) {
        return (https ? "https://localhost:" : "http://127.0.0.1:") + server.getAddress().getPort() + path;
    }

    /** Sends a text response with a Content-Length. */
    static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
