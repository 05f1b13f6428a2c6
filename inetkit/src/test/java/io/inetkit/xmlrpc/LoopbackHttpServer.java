package io.inetkit.xmlrpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 server for tests that serves an {@link XmlRpcDispatcher} on loopback,
 * port 0, a virtual thread per connection, keep-alive. It stands in for
 * com.sun.net.httpserver, which the test sources cannot use: they are compiled into module
 * io.inetkit, which does not read jdk.httpserver. It will give way to inetkit's HTTP server.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    private final ServerSocket listener;
    private final XmlRpcDispatcher dispatcher;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    LoopbackHttpServer(XmlRpcDispatcher dispatcher) throws IOException {
        this.dispatcher = dispatcher;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                long length = -1;
                for (int i = 0; ; i++) {
                    String header = readLine(in);
                    if (header == null || i > MAX_HEADERS) {
                        return;
                    }
                    if (header.isEmpty()) {
                        break;
                    }
                    int colon = header.indexOf(':');
                    if (colon > 0 && header.substring(0, colon).strip().toLowerCase(Locale.ROOT)
                            .equals("content-length")) {
                        length = Long.parseLong(header.substring(colon + 1).strip());
                    }
                }
                if (!requestLine.startsWith("POST ") || length < 0
                        || length > dispatcher.config().maxDocumentBytes()) {
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                byte[] response = dispatcher.handle(new java.io.ByteArrayInputStream(
                        in.readNBytes((int) length)));
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n"
                        + "Content-Length: " + response.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(response);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away or sent garbage: drop the connection
        } finally {
            open.remove(socket);
        }
    }

    /** Reads a CRLF- or LF-terminated line; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
