package io.inetkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** Plain blocking clients for the server tests; every read is bounded so a bug cannot hang a test. */
final class TestClients {
    static final int READ_TIMEOUT_MILLIS = 15_000;

    private TestClients() {
    }

    static Socket connect(SocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, READ_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        return s;
    }

    static InetSocketAddress loopback(Server server) {
        return (InetSocketAddress) server.localAddress();
    }

    /** Sends a request, half-closes, and reads the reply to the end. */
    static String exchange(SocketAddress address, String request) throws IOException {
        try (Socket s = connect(address)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Reads until EOF (or a reset, reported as EOF); returns what arrived. */
    static String readToEnd(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[256];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketException reset) {
                return sb.toString();
            }
            if (n < 0) {
                return sb.toString();
            }
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }

    /** An echo handler: copies what one read returns, until EOF. */
    static void echo(Connection c) throws IOException {
        byte[] buf = new byte[1024];
        int n;
        while ((n = c.read(buf)) > 0) {
            c.write(buf, 0, n);
        }
    }

    /**
     * Waits until new connections are refused, i.e. shutdown has closed the listener. A probe
     * that connected just before (it sat in the backlog) is dropped or reset with the listener.
     */
    static void awaitListenerClosed(Server server) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = connect(server.localAddress())) {
                Thread.yield(); // connected before the listener closed: never accepted, dropped with the backlog
            } catch (java.net.ConnectException expected) {
                return;
            } catch (java.net.SocketException reset) {
                Thread.yield(); // was in the backlog when the listener closed: try again
            }
        }
        throw new AssertionError("listener still accepts connections");
    }

    /** {@return the heap in use after a GC request: rough, for the [measure] lines of the many-connections tests} */
    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
