package io.inetkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A misbehaving HTTP server for one connection: reads the request head, writes fixed bytes
 * and closes (an empty reply, a short body ...).
 */
final class RawPeer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;

    RawPeer(String reply) throws IOException {
        this(reply, true);
    }

    /** @param readRequest false to answer at once, without waiting for a request (e.g. to a TLS client) */
    RawPeer(String reply, boolean readRequest) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            try (Socket s = listener.accept()) {
                if (readRequest) {
                    readHead(s.getInputStream());
                }
                OutputStream out = s.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the test sees what the client saw
            }
        });
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join();
    }
}
