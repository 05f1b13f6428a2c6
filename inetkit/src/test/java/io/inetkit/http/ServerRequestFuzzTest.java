package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzzer of the server's request parsing: valid requests (a corpus) are mutated and
 * sent on fresh raw sockets to one running server. Whatever comes back must be a sequence of
 * well-formed HTTP/1.1 responses (or nothing), a 500 only from the throwing route, a 4xx for a
 * malformed request the last response with {@code Connection: close}, never a file from
 * outside the static root; and the server keeps answering a normal GET.
 */
@Timeout(60)
class ServerRequestFuzzTest {
    private static final String SECRET = "TOPSECRET-4711";
    private static final String HELLO = "hello fuzz";
    private static final int MAX_READ = 512 * 1024;
    /** Statuses the server gives for a request it cannot parse or accept; the connection must close after them. */
    private static final List<Integer> REJECTS = List.of(400, 408, 413, 414, 417, 431, 505);

    @TempDir
    static Path tmp;
    static HttpServer server;
    static final AtomicInteger thrown = new AtomicInteger();

    /** The /boom route's failure: the server logs each one, so it carries no stack trace (some 40 a run). */
    static final class DeliberateFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliberateFailure() {
            super("deliberate failure of the /boom route", null, false, false);
        }
    }
    /** Target and decoded path of every request a handler saw, checked against an independent parse of the target. */
    static final java.util.Queue<String[]> routed = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("hello.txt"), HELLO);
        Files.writeString(root.resolve("100%.txt"), "percent");
        Path sub = Files.createDirectories(root.resolve("sub dir"));
        Files.writeString(sub.resolve("a.txt"), "in a subdirectory");
        try {
            Files.createSymbolicLink(root.resolve("out.txt"), tmp.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("outdir"), tmp);
        } catch (UnsupportedOperationException | IOException e) {
            // no symlinks here: the traversal property still holds for paths
        }
        HttpServerLimits limits = HttpServerLimits.DEFAULTS.withMaxRequestLine(2048).withHeaderLimits(4096, 30)
                .withMaxBodySize(64 * 1024).withMaxDrain(16 * 1024).withHeadTimeout(Duration.ofSeconds(1))
                .withKeepAliveTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofSeconds(1));
        server = HttpServer.builder().limits(limits)
                .route(null, "/echo", (req, res) -> {
                    routed.add(new String[] {req.target(), req.path(), req.header("Host").orElse("")});
                    byte[] body = req.body().readAllBytes();
                    res.contentType("text/plain").send((body.length + " " + sha256(body)).getBytes(StandardCharsets.US_ASCII));
                })
                .get("/files/", StaticFiles.builder(root).listings(true).build())
                .route(null, "/boom", (req, res) -> {
                    routed.add(new String[] {req.target(), req.path(), req.header("Host").orElse("")});
                    thrown.incrementAndGet();
                    throw new DeliberateFailure();
                })
                .get("/", (req, res) -> {
                    routed.add(new String[] {req.target(), req.path(), req.header("Host").orElse("")});
                    res.sendText(200, "root " + req.path() + "\n");
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static final List<String> CORPUS = List.of(
            "GET /?a=1&b=%20x HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /files/hello.txt?q=1 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n",
            "HEAD /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /files/sub%20dir/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /files/sub%20dir/ HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /files/100%25.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /files/hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=2-5\r\n\r\n",
            "GET /files/hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1,-3\r\n\r\n",
            "GET /files/hello.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"x\"\r\nIf-Modified-Since: Tue, 02 Jan 2024 03:04:05 GMT\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1;q=\"v\"\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
            "PUT /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
            "GET / HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET http://x/files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /boom HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "DELETE /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");

    /** Every corpus request, unmutated, is served without a reject: the oracle below sees real successes. */
    @Test
    void corpusIsServed() throws IOException {
        for (String c : CORPUS) {
            Outcome o = exchange(c.getBytes(StandardCharsets.ISO_8859_1), true);
            check(-1, c.getBytes(StandardCharsets.ISO_8859_1), o);
            assertThat(o.statuses).as(c).isNotEmpty().noneMatch(REJECTS::contains);
        }
        assertThat(body(exchange(bytes("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"), true)))
                .isEqualTo("11 " + sha256(bytes("hello world")));
        assertThat(body(exchange(bytes(CORPUS.get(10)), true))).isEqualTo("11 " + sha256(bytes("hello world")));
    }

    @Test
    void mutatedRequestsKeepTheProperties() throws IOException {
        long started = System.nanoTime();
        int cases = 0;
        java.util.TreeMap<Integer, Integer> seen = new java.util.TreeMap<>();
        for (long seed = Long.getLong("fuzz.from", 1); seed <= Long.getLong("fuzz.to", 3000); seed++) {
            Random r = new Random(seed);
            byte[] c = mutate(r, bytes(CORPUS.get(r.nextInt(CORPUS.size()))));
            // one case in 12 is not half-closed: the server itself must close after a reject
            boolean halfClose = r.nextInt(12) != 0;
            Outcome o = exchange(c, halfClose);
            check(seed, c, o);
            o.statuses.forEach(st -> seen.merge(st, 1, Integer::sum));
            if (o.statuses.isEmpty()) {
                seen.merge(0, 1, Integer::sum);
            }
            if (++cases % 50 == 0) {
                assertHealthy(seed, c);
            }
        }
        assertHealthy(-1, new byte[0]);
        System.out.printf("ServerRequestFuzzTest: %d cases in %d ms, statuses (0: none) %s%n", cases,
                (System.nanoTime() - started) / 1_000_000, seen);
        // the mix must reach the handlers and the rejects alike, or the fuzzer tests little
        assertThat(seen.keySet()).contains(0, 200, 206, 400, 404, 500);
    }

    // --- mutation

    static byte[] mutate(Random r, byte[] in) {
        ByteList b = new ByteList(in);
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            int at = b.size() == 0 ? 0 : r.nextInt(b.size() + 1);
            switch (r.nextInt(29)) {
                case 0 -> flip(r, b);
                case 1 -> b.insert(at, "\r");
                case 2 -> b.insert(at, "\n");
                case 3 -> b.insert(at, "\0");
                case 4 -> b.insert(at, " ");
                case 5 -> b.insert(at, "\t");
                case 6 -> b.insert(at, ":");
                case 7 -> b.truncate(at);
                case 8 -> b.insertHeader(r, pick(r, "Content-Length: 3", "Content-Length: 0", "Content-Length: -1",
                        "Content-Length: 99999999999999999999", "Content-Length: 9223372036854775807", "Content-Length: 1, 2",
                        "Content-Length:", "Content-Length: 65537", "Content-Length:  11 "));
                case 9 -> b.insertHeader(r, pick(r, "Transfer-Encoding: chunked", "Transfer-Encoding: gzip",
                        "Transfer-Encoding: chunked, chunked", "transfer-encoding: CHUNKED", "Transfer-Encoding:"));
                case 10 -> b.replaceAll(pick(r, "5;ext=1", "6\r\n", "0\r\n"), pick(r, "ffffffffffffffffff", "-1", "5 ", " 5", "5;",
                        "0x5", "zz", "7fffffffffffffff", "5;" + "e".repeat(300), "\r\n"));
                case 11 -> b.insertHeader(r, "X-Folded: a\r\n b");
                case 12 -> b.insert(at, "\r" + pick(r, "X: y", "Transfer-Encoding: chunked", ""));
                case 13 -> b.insertHeader(r, "X-Long: " + "v".repeat(r.nextInt(6000)));
                case 14 -> {
                    StringBuilder sb = new StringBuilder();
                    for (int k = r.nextInt(40); k > 0; k--) {
                        sb.append("X-").append(k).append(": v\r\n");
                    }
                    b.insertHeader(r, sb.toString().strip());
                }
                case 15 -> b.replaceFirstTarget(pick(r, "http://x/files/hello.txt", "https://x:1/../secret.txt", "*", "x/y",
                        "http://x", "//files/hello.txt", "/files/../secret.txt", "/files/%2e%2e/secret.txt",
                        "/files/%2E%2e%2fsecret.txt", "/files/..%5csecret.txt", "/files/outdir/secret.txt", "/files/out.txt",
                        "/files/hello.txt%00", "/files/%00", "/files/%c0%ae%c0%ae/secret.txt", "/files/\u00e9", "/files/%ff%fe",
                        "/files/sub%20dir/../../secret.txt", "/files/./hello.txt", "/files//hello.txt", "/files/%",
                        "/files/" + "a".repeat(r.nextInt(3000)), "/files/sub%20dir", "/files", "/files/hello.txt/",
                        "/echo?" + "%zz", "/%2e%2e/", "/files/%252e%252e/secret.txt", "http://x?a=/boom", "http://x?q=1",
                        "HTTP://X:80?/echo", "http://x/a+b%2B?c=/d", "/echo/../files/hello.txt", "/boom/%2e%2E/x", "/./echo",
                        "/echo/.", "/a/%2e/"));
                case 16 -> b.insert(at, new String(new char[] {(char) (0x80 + r.nextInt(0x80))}));
                case 17 -> b.replaceAll("HTTP/1.1", pick(r, "HTTP/1.0", "HTTP/2.0", "HTTP/1.10", "http/1.1", "HTTP/1", "HTTP/9.9", ""));
                case 18 -> b.replaceAll("Range: bytes=", pick(r, "Range: bytes=-", "Range: bytes=99999999999999999999-",
                        "Range: bytes=5-2,", "Range: bytes=0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0,", "Range: lines=",
                        "Range: bytes=-0"));
                case 19 -> b.insert(at, pick(r, "\r\n", "\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
                case 20 -> b.insertHeader(r, pick(r, "Host: y", "Expect: 100-continue", "Expect: 200-ok", "Connection: close",
                        "Connection: keep-alive, upgrade", "If-Modified-Since: garbage", "If-Range: \"x\"", " X: leading blank",
                        "X Y: z", "Bad\u0001Name: v", ": empty name", "X: \u00ff\u00fe"));
                case 27 -> b.replaceAll("Host: x", pick(r, "Host: a b", "Host: x/y", "Host: u@x", "Host: [::1]:80", "Host: x:80",
                        "Host: x:8a", "Host: [::1", "Host:", "Host: x\u00e9", "Host: x:", "Host: \"x\"", "Host: x?"));
                case 21 -> b.replaceAll("\r\n", "\n"); // bare LF line ends
                case 22 -> b.replaceAll("0\r\n", pick(r, "0\r\nContent-Length: 5\r\n", "0\r\nTransfer-Encoding: chunked\r\n",
                        "0\r\nX: " + "t".repeat(5000) + "\r\n", "0\r\nbad trailer\r\n", "0\r\n\r\nGET /boom HTTP/1.1\r\nHost: x\r\n",
                        "0000000000000000000000000000001\r\nx\r\n0\r\n", "3\r\nabcdef\r\n0\r\n", "0\r\n" + "X: y\r\n".repeat(40)));
                case 23 -> b.replaceAll(pick(r, "GET", "POST", "HEAD", "PUT"), pick(r, "get", "G\u00c9T", "CONNECT", "TRACE", "BREW", "",
                        "GET GET", "POST\t", "PATCH"));
                case 24 -> b.replaceAll("Content-Length: ", pick(r, "Content-Length: 00000000000000000000", "Content-Length: 1000000",
                        "Content-Length:\t", "Content-Length: 0", "Content-Length: 2", "Content-Length: 20"));
                case 25 -> b.insert(at, new String(utf8(pick(r, "\u00e9", "\u20ac", "?")), StandardCharsets.ISO_8859_1)
                        .replace("?", "\u00ed\u00a0\u0080")); // raw UTF-8 (and a CESU surrogate) where ASCII is expected
                case 26 -> b.insert(b.size(), pick(r, "GET /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab", "GET / HTTP/1.1\r\nHost: x\r\n"));
                default -> b.duplicateLine(r);
            }
        }
        return b.toArray();
    }

    private static void flip(Random r, ByteList b) {
        if (b.size() > 0) {
            int i = r.nextInt(b.size());
            b.set(i, (byte) (b.get(i) ^ (1 << r.nextInt(8))));
        }
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** A growable byte list with the edits the mutator needs; text is ISO-8859-1. */
    private static final class ByteList {
        private byte[] a;
        private int n;

        ByteList(byte[] in) {
            a = in.clone();
            n = in.length;
        }

        int size() {
            return n;
        }

        byte get(int i) {
            return a[i];
        }

        void set(int i, byte v) {
            a[i] = v;
        }

        void truncate(int len) {
            n = Math.min(n, len);
        }

        void insert(int at, String s) {
            byte[] ins = bytes(s);
            byte[] next = new byte[n + ins.length];
            System.arraycopy(a, 0, next, 0, at);
            System.arraycopy(ins, 0, next, at, ins.length);
            System.arraycopy(a, at, next, at + ins.length, n - at);
            a = next;
            n = next.length;
        }

        String text() {
            return new String(a, 0, n, StandardCharsets.ISO_8859_1);
        }

        void setText(String s) {
            a = bytes(s);
            n = a.length;
        }

        /** Inserts a header line after the request line (or at the end when there is none). */
        void insertHeader(Random r, String line) {
            String t = text();
            int eol = t.indexOf("\r\n");
            if (eol < 0) {
                insert(n, "\r\n" + line + "\r\n");
            } else {
                // either right after the request line or right before the blank line
                int blank = t.indexOf("\r\n\r\n");
                int at = r.nextBoolean() || blank < 0 ? eol + 2 : blank + 2;
                insert(at, line + "\r\n");
            }
        }

        void replaceAll(String from, String to) {
            setText(text().replace(from, to));
        }

        void replaceFirstTarget(String target) {
            String t = text();
            int sp1 = t.indexOf(' ');
            int sp2 = sp1 < 0 ? -1 : t.indexOf(' ', sp1 + 1);
            if (sp2 > 0) {
                setText(t.substring(0, sp1 + 1) + target + t.substring(sp2));
            }
        }

        void duplicateLine(Random r) {
            String t = text();
            String[] lines = t.split("\r\n", -1);
            if (lines.length > 2) {
                int i = 1 + r.nextInt(lines.length - 2);
                List<String> out = new ArrayList<>(List.of(lines));
                out.add(i, lines[i].replace("11", "12"));
                setText(String.join("\r\n", out));
            }
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    // --- exchange and oracle

    /** What came back: the bytes, whether the server closed (EOF) or reset, and the statuses parsed by {@link #check}. */
    static final class Outcome {
        final byte[] received;
        final boolean reset;
        final int thrownBefore;
        final int thrownAfter;
        final List<Integer> statuses = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        Outcome(byte[] received, boolean reset, int thrownBefore, int thrownAfter) {
            this.received = received;
            this.reset = reset;
            this.thrownBefore = thrownBefore;
            this.thrownAfter = thrownAfter;
        }
    }

    /**
     * Sends one case on a fresh socket and reads until the server closes. Without the half-close,
     * a read that stays silent for 150 ms ends the wait for a reject's close: then the output is
     * shut and the rest read.
     */
    static Outcome exchange(byte[] request, boolean halfClose) throws IOException {
        routed.clear();
        int before = thrown.get();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean reset = false;
        try (Socket s = ServerRaw.connect(server.address())) {
            s.setSoTimeout(halfClose ? 5_000 : 150);
            try {
                s.getOutputStream().write(request);
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                reset = true; // the server closed early (a reject while we still sent): read what it said
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            boolean shut = halfClose;
            while (got.size() < MAX_READ) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    if (shut || reset) {
                        throw new IOException("server neither answered nor closed within 5 s; got "
                                + escape(got.toByteArray()), e);
                    }
                    String sofar = got.toString(StandardCharsets.ISO_8859_1);
                    for (int code : REJECTS) {
                        if (sofar.contains("HTTP/1.1 " + code + " ")) {
                            throw new IOException("connection still open 150 ms after a " + code + "; got " + escape(got.toByteArray()), e);
                        }
                    }
                    s.shutdownOutput();
                    s.setSoTimeout(5_000);
                    shut = true;
                    continue;
                } catch (IOException e) {
                    reset = true;
                    break;
                }
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
            }
        }
        return new Outcome(got.toByteArray(), reset, before, thrown.get());
    }

    /** Parses every response in the outcome and checks the properties; {@code seed} -1 for corpus cases. */
    static void check(long seed, byte[] request, Outcome o) {
        String ctx = "seed " + seed + ", request " + escape(request) + "\n  got " + escape(o.received);
        byte[] d = o.received;
        if (new String(d, StandardCharsets.ISO_8859_1).contains(SECRET)) {
            fail("served a file from outside the root; " + ctx);
        }
        int pos = 0;
        int fiveHundreds = 0;
        // the server skips blank lines before a request
        boolean firstIsHead = new String(request, StandardCharsets.ISO_8859_1).replaceFirst("^[\r\n]*", "").startsWith("HEAD ");
        while (pos < d.length) {
            int end = indexOf(d, pos, "\r\n\r\n");
            if (end < 0) {
                if (o.reset) {
                    return; // a reset may cut a response; nothing more to judge
                }
                fail("incomplete response head; " + ctx);
            }
            String[] lines = new String(d, pos, end - pos, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            if (!lines[0].matches("HTTP/1\\.1 [1-5][0-9][0-9] [\\x20-\\x7e]*")) {
                fail("malformed status line " + escape(bytes(lines[0])) + "; " + ctx);
            }
            int status = Integer.parseInt(lines[0].substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+: [\\x20-\\x7e\\t]*")) {
                    fail("malformed response header " + escape(bytes(lines[i])) + "; " + ctx);
                }
                String lower = lines[i].toLowerCase();
                if (lower.startsWith("content-length: ")) {
                    length = Long.parseLong(lines[i].substring(16));
                } else if (lower.equals("transfer-encoding: chunked")) {
                    chunked = true;
                } else if (lower.equals("connection: close")) {
                    close = true;
                }
            }
            pos = end + 4;
            if (status >= 100 && status < 200) {
                continue;
            }
            // a reject of an unparsable head has a body even for HEAD (the method is not known); one after the head none
            boolean headAnswer = firstIsHead && o.statuses.isEmpty() && (!REJECTS.contains(status) || pos == d.length);
            boolean noBody = status == 204 || status == 304 || headAnswer;
            o.statuses.add(status);
            int bodyStart = pos;
            if (noBody) {
                length = 0;
            } else if (chunked) {
                pos = skipChunked(d, pos, ctx);
            } else if (length < 0) {
                fail("response without framing (close-delimited) for a request; " + ctx);
            }
            if (!chunked) {
                if (pos + length > d.length) {
                    if (o.reset) {
                        return;
                    }
                    fail("response body shorter than its Content-Length; " + ctx);
                }
                pos += (int) length;
            }
            o.bodies.add(new String(d, bodyStart, pos - bodyStart, StandardCharsets.ISO_8859_1));
            if (status == 500) {
                fiveHundreds++;
            }
            if (REJECTS.contains(status)) {
                if (!close) {
                    fail(status + " without Connection: close; " + ctx);
                }
                if (pos != d.length) {
                    fail("bytes after a " + status + " that should have closed the connection; " + ctx);
                }
            }
        }
        for (String[] tp; (tp = routed.poll()) != null; ) {
            String expected = expectedPath(tp[0]);
            if (!tp[1].equals(expected)) {
                fail("target " + escape(bytes(tp[0])) + " routed as path " + escape(bytes(tp[1])) + ", expected "
                        + escape(bytes(expected)) + "; " + ctx);
            }
            if (!tp[2].matches("([-._~%!$&'()*+,;=0-9A-Za-z]*|\\[[-0-9A-Za-z:.%_~]+\\])(:[0-9]*)?")) {
                fail("a handler saw an invalid Host " + escape(bytes(tp[2])) + "; " + ctx);
            }
            if (("/" + tp[1] + "/").matches(".*/\\.\\.?/.*")) {
                fail("a handler saw a dot segment in path " + escape(bytes(tp[1])) + "; " + ctx);
            }
        }
        if (fiveHundreds > o.thrownAfter - o.thrownBefore) {
            fail(fiveHundreds + " responses 500 but the throwing route ran " + (o.thrownAfter - o.thrownBefore) + " times; " + ctx);
        }
    }

    /**
     * The path of a request target, parsed independently of the server (RFC 9112 §3.2, RFC 3986
     * §3): in absolute-form the authority ends at the first '/', '?' or '#', and an empty path is "/".
     */
    static String expectedPath(String target) {
        String rest = target;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)https?://[^/?#]*(.*)").matcher(target);
        if (m.matches()) {
            rest = m.group(1);
        }
        int q = rest.indexOf('?');
        String raw = q < 0 ? rest : rest.substring(0, q);
        if (raw.isEmpty()) {
            raw = "/";
        }
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int skipChunked(byte[] d, int pos, String ctx) {
        while (true) {
            int eol = indexOf(d, pos, "\r\n");
            if (eol < 0) {
                fail("incomplete chunked response; " + ctx);
            }
            int size = Integer.parseInt(new String(d, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            pos = eol + 2;
            if (size == 0) {
                int end = indexOf(d, pos - 2, "\r\n\r\n");
                if (end < 0) {
                    fail("incomplete chunked trailer; " + ctx);
                }
                return end + 4;
            }
            pos += size + 2;
        }
    }

    private static void assertHealthy(long seed, byte[] last) throws IOException {
        byte[] get = bytes("GET /files/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Outcome o = exchange(get, true);
        try {
            check(seed, get, o);
        } catch (AssertionError e) {
            throw new AssertionError("health check after seed " + seed + ", case " + escape(last) + ": " + e.getMessage(), e);
        }
        assertThat(o.statuses).as("server unhealthy after seed %d, case %s", seed, escape(last)).containsExactly(200);
        assertThat(o.bodies).containsExactly(HELLO);
    }

    private static String body(Outcome o) {
        check(-1, new byte[0], o);
        return o.bodies.get(o.bodies.size() - 1);
    }

    // --- helpers

    private static int indexOf(byte[] d, int from, String s) {
        outer:
        for (int i = Math.max(0, from); i + s.length() <= d.length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (d[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Java-string escaping of bytes, cut at 600 characters, for failure messages. */
    static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xff;
            if (sb.length() > 600) {
                sb.append("...(").append(b.length).append(" bytes)");
                break;
            }
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c));
            }
        }
        return sb.append('"').toString();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
