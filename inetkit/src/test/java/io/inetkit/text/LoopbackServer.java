package io.inetkit.text;

import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import io.inetkit.net.Timeouts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A one-connection scripted server on 127.0.0.1, port 0; failures on its side are rethrown by {@link #await()}. */
final class LoopbackServer implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void run(Socket socket, LineReader in, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private LoopbackServer(Script script) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        thread = Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                script.run(s, new LineReader(s.getInputStream(), StandardCharsets.ISO_8859_1), s.getOutputStream());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
    }

    static LoopbackServer start(Script script) throws IOException {
        return new LoopbackServer(script);
    }

    static void send(OutputStream out, String wire) throws IOException {
        out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    int port() {
        return server.getLocalPort();
    }

    TextConnection connect(TextOptions options, Duration readTimeout) throws IOException {
        Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withRead(readTimeout)).build();
        return TextConnection.connect(dialer, Endpoint.of("127.0.0.1", port()), options);
    }

    TextConnection connect(TextOptions options) throws IOException {
        return connect(options, Duration.ofSeconds(10));
    }

    /** Waits for the script to finish and rethrows what failed on the server side. */
    void await() throws Exception {
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join();
    }
}
