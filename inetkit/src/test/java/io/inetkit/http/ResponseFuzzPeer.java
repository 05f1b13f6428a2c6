package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.http.ResponseFuzzTest.Case;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The raw loopback peer of {@link ResponseFuzzTest}: answers {@code /case/N} with case N's
 * bytes (in up to three writes), then closes or, for keep-open cases, waits for a next request on the same connection (recorded as a reuse, and
 * answered well); answers {@code /good} with a good response.
 */
final class ResponseFuzzPeer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Case> cases;
    private final Thread acceptor;
    final Set<Integer> reused = ConcurrentHashMap.newKeySet();
    final Map<Integer, java.util.concurrent.CountDownLatch> done = new ConcurrentHashMap<>();
    final List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    ResponseFuzzPeer(List<Case> cases) throws IOException {
        this.cases = cases;
        for (Case c : cases) {
            done.put(c.number(), new java.util.concurrent.CountDownLatch(1));
        }
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (true) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    void awaitDone(int number) throws InterruptedException {
        assertThat(done.get(number).await(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("the peer finished case %d", number).isTrue();
    }

    private void serve(Socket s) {
        Integer caseNumber = null;
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String target;
            while ((target = readHead(in)) != null) {
                if (caseNumber != null && target.equals("/good")) {
                    reused.add(caseNumber); // only made after a failed case: that connection must be gone
                }
                if (!target.startsWith("/case/")) {
                    out.write(ResponseFuzzTest.GOOD.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                Case c = cases.get(Integer.parseInt(target.substring(6)));
                caseNumber = c.number();
                writeInPieces(s, out, c);
                if (!c.keepOpen()) {
                    s.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream()); // no RST: the client reads all we sent
                    return;
                }
            }
        } catch (IOException e) {
            // the client closed in the middle: expected for failed cases
        } catch (Throwable t) {
            errors.add(t);
        } finally {
            open.remove(s);
            if (caseNumber != null) {
                done.get(caseNumber).countDown();
            }
        }
    }

    /**
     * Writes the case in up to three pieces. A stalling peer pauses after the first piece
     * until the client sends its 100-continue body, at most 300 ms (past the client's 100 ms
     * wait for 100 and short of its 1500 ms read timeout).
     */
    private static void writeInPieces(Socket s, OutputStream out, Case c) throws IOException {
        Random r = new Random(c.seed() ^ 0x5eed);
        byte[] b = c.bytes();
        int a = r.nextInt(b.length + 1);
        int z = a + r.nextInt(b.length - a + 1);
        int[][] pieces = {{0, a}, {a, z}, {z, b.length}};
        for (int i = 0; i < pieces.length; i++) {
            int[] piece = pieces[i];
            if (piece[1] > piece[0]) {
                out.write(b, piece[0], piece[1] - piece[0]);
                out.flush();
            }
            if (i == 0 && c.stall()) {
                s.setSoTimeout(300);
                try {
                    s.getInputStream().readNBytes("payload".length());
                } catch (java.net.SocketTimeoutException e) {
                    // the client is still reading: go on
                }
                s.setSoTimeout(10_000);
            }
        }
    }

    /** @return the request target, after reading the head and any body (Content-Length only); null at EOF */
    private static String readHead(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String h;
        int length = 0;
        boolean expectContinue = false;
        while ((h = line(in)) != null && !h.isEmpty()) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).strip());
            }
            expectContinue |= lower.startsWith("expect:");
        }
        if (!expectContinue) {
            in.readNBytes(length); // with 100-continue the body may or may not come: leave it unread
        }
        String[] parts = requestLine.split(" ");
        // an unread 100-continue body ("payload") may come before the next request line, or alone before EOF
        return parts.length > 1 ? parts[1] : null;
    }

    private static String line(InputStream in) throws IOException {
        return RawServer.readLine(in);
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.join();
    }
}
