package io.inetkit.http;

import io.inetkit.net.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback server that runs a script per connection, for the edge cases a real server would not produce. */
final class RawServer implements AutoCloseable {

    /** What to do with one accepted connection. */
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** A request as the server received it. */
    record Request(String line, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One accepted connection. */
    static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** A connection without a java.net.Socket (a Unix-domain channel's streams); socket is null. */
        Conn(InputStream in, OutputStream out) {
            this.socket = null;
            this.in = in;
            this.out = out;
        }

        /** Reads a request head and its body (Content-Length or chunked); null at EOF. */
        Request read() throws IOException {
            return read(true);
        }

        Request read(boolean withBody) throws IOException {
            String line = line();
            if (line == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                headers.merge(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
            byte[] body = new byte[0];
            if (withBody) {
                body = readBody(headers);
            }
            return new Request(line, headers, body);
        }

        byte[] readBody(Map<String, String> headers) throws IOException {
            if (headers.containsKey("content-length")) {
                return in.readNBytes(Integer.parseInt(headers.get("content-length")));
            }
            if ("chunked".equals(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                while (true) {
                    int size = Integer.parseInt(line().split(";")[0], 16);
                    if (size == 0) {
                        line();
                        return b.toByteArray();
                    }
                    b.write(in.readNBytes(size));
                    line();
                }
            }
            return new byte[0];
        }

        String line() throws IOException {
            return readLine(in);
        }

        void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void write(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        /** Sends a complete 200 response with a Content-Length body. */
        void ok(String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 200 OK\r\nContent-Length: " + b.length + "\r\n\r\n");
            write(b);
        }
    }

    private final ServerSocket server;
    private final boolean tls;
    private final Thread acceptor;
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

    RawServer(Script script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    /** A plain server on a given local address (e.g. ::1). */
    static RawServer on(InetAddress address, Script script) throws IOException {
        return new RawServer(new ServerSocket(0, 50, address), script);
    }

    /** A TLS server presenting the test PKI's localhost certificate. */
    static RawServer tls(Script script) throws Exception {
        return new RawServer(TestPki.get().serverConfig().serverSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    private RawServer(ServerSocket server, Script script) {
        this.server = server;
        this.tls = server instanceof javax.net.ssl.SSLServerSocket;
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                    connections.incrementAndGet();
                    handlers.add(Thread.ofVirtual().start(() -> {
                        try (s) {
                            script.run(new Conn(s));
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** A server that answers every request on a connection with the same bytes, until the client closes. */
    static RawServer answering(String response) throws IOException {
        return new RawServer(c -> {
            while (c.read() != null) {
                c.write(response);
            }
        });
    }

    /** A server that answers every request on a connection with the same script-made response, keeping the connection. */
    static RawServer keepAlive(RawServer[] self, Responder responder) throws IOException {
        return new RawServer(c -> {
            RawServer.Request r;
            while ((r = c.read()) != null) {
                self[0].requests.add(r);
                responder.respond(c, r);
            }
        });
    }

    /** Answers one request. */
    interface Responder {
        void respond(Conn c, Request r) throws Exception;
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return (tls ? "https://localhost:" : "http://127.0.0.1:") + port() + path;
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : new ArrayList<>(sockets)) {
            s.close();
        }
        acceptor.join();
        for (Thread t : handlers) {
            t.interrupt(); // scripts that block on a latch
            t.join();
        }
    }

    /** One line without its CR LF (or bare LF); null at EOF before any byte. Shared by the raw test peers. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
