package io.inetkit.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A loopback TLS echo server for one connection at a time: answers each line with "echo: line". */
final class TlsServer implements AutoCloseable {
    final SSLServerSocket server;
    private final Thread thread;

    TlsServer(TlsConfig config) throws IOException {
        this(config, false);
    }

    TlsServer(TlsConfig config, boolean needClientAuth) throws IOException {
        this(config, needClientAuth, new String[0]);
    }

    /** As the others, limited to the given protocol versions (e.g. "TLSv1.2") when any are given. */
    TlsServer(TlsConfig config, boolean needClientAuth, String... protocols) throws IOException {
        server = (SSLServerSocket) config.serverSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSSLParameters(config.serverParameters());
        server.setNeedClientAuth(needClientAuth);
        if (protocols.length > 0) { // before the accept thread starts: accept() copies the settings first
            server.setEnabledProtocols(protocols);
        }
        thread = Thread.ofVirtual().start(this::run);
    }

    int port() {
        return server.getLocalPort();
    }

    private void run() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                ((SSLSocket) s).startHandshake();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(("echo: " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                // a failed handshake is what several tests expect; keep serving
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join();
    }
}
