package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.inetkit.net.Timeouts;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the HTTP/1.1 client's response parsing: valid responses (Content-Length, chunked with
 * extensions and trailers, close-delimited, 1xx first, gzip/deflate decoded by the client,
 * HEAD/204/304, 100-continue) are mutated and sent by a raw loopback peer. The property, for
 * every case: the call yields a response whose body reads to its end, or fails with an
 * IOException that has a message; never another exception, never a hang, bounded allocation;
 * a connection that failed is never used again and the client still works; an unmutated
 * response succeeds. Some cases keep the connection open (read timeouts must end them), stall
 * until the 100-continue body comes, use small header limits, or add the links that parse
 * response headers too (auth challenges, cookies, the wire log). Seeded: a failure prints the
 * seed, the case number and the case's bytes; rerun with {@code -Dinetkit.fuzz.seed=...}
 * ({@code -Dinetkit.fuzz.cases=...} for a longer run).
 */
@Timeout(90)
class ResponseFuzzTest {

    private static final long SEED = Long.getLong("inetkit.fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("inetkit.fuzz.cases", 3000);
    private static final int PARALLEL = 8;
    /** Per case, on the calling thread: far above what a bounded client allocates, far below a presized 2^40 body. */
    private static final long MAX_ALLOCATED = 96L << 20;
    private static final long MAX_DECOMPRESSED = 1 << 20;
    static final String GOOD = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ngood";

    /** How the case's request is made. */
    enum Ask { GET, HEAD, POST_EXPECT_CONTINUE }

    /** A valid response and the request it answers. */
    record Seed(String name, Ask ask, boolean decompress, byte[] bytes) {}

    /** One fuzz case as the peer plays it. */
    record Case(int number, long seed, String seedName, boolean mutated, Ask ask, boolean decompress, boolean keepOpen,
            boolean stall, boolean smallLimits, boolean extras, int readStyle, byte[] bytes) {
        String describe() {
            return "seed " + SEED + ", case " + number + " (case seed " + seed + ", from " + seedName
                    + (mutated ? "" : " unmutated") + ", stall " + stall + ", " + ask + ", decompress " + decompress
                     + ", keepOpen " + keepOpen + ", smallLimits " + smallLimits + ", extras " + extras + ", readStyle " + readStyle + "), "
                    + bytes.length + " bytes: " + escape(bytes);
        }
    }

    private static final List<Seed> CORPUS = corpus();

    @Test
    void mutatedResponsesYieldAReadableBodyOrAnIOExceptionWithAMessage() throws Exception {
        Random master = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(makeCase(i, master.nextLong()));
        }
        try (ResponseFuzzPeer peer = new ResponseFuzzPeer(cases); ResponseFuzzPeer good = new ResponseFuzzPeer(List.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            try {
                List<Future<Outcome>> results = new ArrayList<>();
                for (Case c : cases) {
                    results.add(pool.submit(() -> run(c, peer, good)));
                }
                int ok = 0;
                int failed = 0;
                List<String> problems = new ArrayList<>();
                for (Future<Outcome> f : results) {
                    try {
                        if (f.get() == Outcome.BODY_READ) {
                            ok++;
                        } else {
                            failed++;
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        problems.add(String.valueOf(e.getCause()));
                        if (problems.size() == 1) {
                            e.getCause().printStackTrace();
                        }
                    }
                }
                assertThat(problems).as("%d of %d cases broke the property", problems.size(), CASES).isEmpty();
                // the mutations must neither be so mild that nothing fails nor so wild that nothing parses
                assertThat(ok).as("cases whose body was read").isGreaterThan(CASES / 10);
                assertThat(failed).as("cases that failed with an IOException").isGreaterThan(CASES / 10);
            } finally {
                pool.shutdownNow();
            }
            assertThat(peer.errors).as("peer errors").isEmpty();
        }
    }

    enum Outcome { BODY_READ, IO_EXCEPTION }

    private static Outcome run(Case c, ResponseFuzzPeer peer, ResponseFuzzPeer good) throws Exception {
        long allocatedBefore = allocatedSoFar();
        long start = System.nanoTime();
        Outcome outcome;
        boolean contentError;
        try (HttpClient client = client(c)) {
            Throwable failure = null;
            try {
                exchange(client, c, peer.url("/case/" + c.number));
            } catch (Throwable t) {
                failure = t;
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            long allocated = allocatedSoFar() - allocatedBefore;
            if (failure != null && !(failure instanceof IOException)) {
                fail("not an IOException: " + failure + "\n" + c.describe(), failure);
            }
            if (failure != null && (failure.getMessage() == null || failure.getMessage().isBlank())) {
                fail("an IOException without a message: " + failure + "\n" + c.describe(), failure);
            }
            if (elapsedMs > 6000) {
                fail("the call took " + elapsedMs + " ms (read timeout 300 ms, call timeout 4 s)\n" + c.describe());
            }
            if (allocated > MAX_ALLOCATED) {
                fail("the case allocated " + allocated + " bytes\n" + c.describe());
            }
            outcome = failure == null ? Outcome.BODY_READ : Outcome.IO_EXCEPTION;
            if (failure != null && !c.mutated && !expectedToFailUnmutated(c)) {
                fail("a valid response failed: " + failure + "\n" + c.describe(), failure);
            }
            // an oversized compressed body is framed well: its connection may be reused (a corrupt
            // one may not: its framing is suspect)
            contentError = failure instanceof LimitExceededException && failure.getMessage().startsWith("decompressed body");
            // the client still works: a good server answers (a new route), and after a failure the
            // same server too, on a new connection (the failed one must not be reused)
            try (HttpResponse r = client.send(HttpRequest.get(good.url("/good")))) {
                assertThat(r.bodyString()).as("next call to a fresh server\n%s", c.describe()).isEqualTo("good");
            }
            if (failure != null) {
                try (HttpResponse r = client.send(HttpRequest.get(peer.url("/good")))) {
                    assertThat(r.bodyString()).as("next call to the same server after %s\n%s", failure, c.describe())
                            .isEqualTo("good");
                } catch (IOException e) {
                    fail("next call to the same server after " + failure + " failed: " + e + "\n" + c.describe(), e);
                }
            }
        }
        peer.awaitDone(c.number);
        if (outcome == Outcome.IO_EXCEPTION && peer.reused.contains(c.number) && !contentError) {
            fail("the connection was used again after the call failed\n" + c.describe());
        }
        return outcome;
    }

    /**
     * HotSpot's per-thread allocation counter ({@code com.sun.management.ThreadMXBean}), by
     * reflection: the library module does not read java.management.
     */
    private static long allocatedSoFar() throws Exception {
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (Long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(threads);
    }

    /** Valid responses that fail as they are: the bomb, lines over the small limits, bodies that end at a close that never comes. */
    private static boolean expectedToFailUnmutated(Case c) {
        return c.seedName.equals("gzip-bomb") || c.smallLimits
                || c.keepOpen && (c.seedName.equals("close-delimited") || c.seedName.equals("deflate"));
    }

    private static HttpClient client(Case c) {
        HttpClient.Builder b = HttpClient.builder()
                .timeouts(Timeouts.DEFAULT.withConnect(Duration.ofSeconds(5)).withRead(Duration.ofMillis(c.stall ? 1500 : 300)))
                .callTimeout(Duration.ofSeconds(4))
                .continueTimeout(Duration.ofMillis(c.stall ? 100 : 150))
                .followRedirects(false)
                .decompression(c.decompress, MAX_DECOMPRESSED);
        if (c.extras) { // the links that parse response headers too: auth challenges, cookies, the wire log
            b.credentials(new Credentials("user", "secret")).cookieJar(CookieJar.inMemory())
                    .transcript((direction, line) -> line.length())
                    .informationalListener((request, status, headers) -> headers.size());
        }
        if (c.smallLimits) {
            b.headerLimits(new HeaderRules(HeaderRules.Strictness.STRICT, 1024, 12), 128);
        }
        return b.build();
    }

    /** Makes the case's request and reads its body to the end, in one of several ways. */
    private static void exchange(HttpClient client, Case c, String url) throws IOException {
        HttpRequest request = switch (c.ask) {
            case GET -> HttpRequest.get(url);
            case HEAD -> HttpRequest.newBuilder(url).head().build();
            case POST_EXPECT_CONTINUE -> HttpRequest.newBuilder(url)
                    .post(RequestBody.ofString("payload", "text/plain")).expectContinue(true).build();
        };
        try (HttpResponse r = client.send(request)) {
            r.headers().size();
            r.charset();
            r.toString();
            switch (c.readStyle) {
                case 0 -> r.bodyString();
                case 1 -> r.bodyBytes(Integer.MAX_VALUE - 16);
                case 2 -> r.writeBodyTo(OutputStream.nullOutputStream());
                case 3 -> {
                    InputStream in = r.body();
                    while (in.read() >= 0) {
                        in.available();
                    }
                }
                default -> {
                    InputStream in = r.body();
                    byte[] buf = new byte[7];
                    while (in.read(buf, 1, 5) >= 0) {
                        in.read(buf, 0, 0);
                    }
                }
            }
            r.trailers().size();
        }
    }

    // ---- the corpus and its mutations ----

    private static List<Seed> corpus() {
        List<Seed> s = new ArrayList<>();
        s.add(seed("content-length", Ask.GET, false,
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello"));
        s.add(seed("chunked", Ask.GET, false, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\nWiki\r\n5 ; x\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Checksum: abc\r\n\r\n"));
        s.add(seed("close-delimited", Ask.GET, false, "HTTP/1.0 200 OK\r\nServer: raw\r\n\r\nuntil the end"));
        s.add(seed("keep-alive-1.0", Ask.GET, false,
                "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc"));
        s.add(seed("interim", Ask.GET, false, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        s.add(seed("head", Ask.HEAD, false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"));
        s.add(seed("204", Ask.GET, false, "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"));
        s.add(seed("304", Ask.GET, false, "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\nETag: \"x\"\r\n\r\n"));
        s.add(seed("continue", Ask.POST_EXPECT_CONTINUE, false,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 7\r\n\r\ncreated"));
        s.add(seed("continue-headers", Ask.POST_EXPECT_CONTINUE, false, "HTTP/1.1 102 Processing\r\nX-A: 1\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\nX-B: 2\r\nX-C: 3\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"));
        s.add(seed("expectation-failed", Ask.POST_EXPECT_CONTINUE, false,
                "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 4\r\n\r\nnope"));
        s.add(seed("auth-digest", Ask.GET, false, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r@x\", "
                + "qop=\"auth,auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"\r\nWWW-Authenticate: Basic realm=\"r\", charset=UTF-8\r\n"
                + "Content-Length: 6\r\n\r\ndenied"));
        s.add(seed("auth-basic", Ask.GET, false, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Newauth realm=\"apps\", type=1, "
                + "title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"\r\nContent-Length: 0\r\n\r\n"));
        s.add(seed("cookies", Ask.GET, false, "HTTP/1.1 200 OK\r\nSet-Cookie: sid=31d4d96e407aad42; Path=/; Secure; HttpOnly\r\n"
                + "Set-Cookie: lang=en-US; Expires=Wed, 09 Jun 2021 10:18:14 GMT; Domain=127.0.0.1; Max-Age=3600; SameSite=Lax\r\n"
                + "Content-Length: 2\r\n\r\nok"));
        byte[] text = "hello hello hello, compressed world\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] gz = gzip(text);
        s.add(new Seed("gzip", Ask.GET, true, concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                + gz.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), gz)));
        s.add(new Seed("gzip-chunked", Ask.GET, true, concat(concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(gz.length) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), gz), "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        byte[] zlib = deflate(text);
        s.add(new Seed("deflate", Ask.GET, true, concat(("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), zlib)));
        byte[] bomb = gzip(new byte[3 << 20]);
        s.add(new Seed("gzip-bomb", Ask.GET, true, concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                + bomb.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), bomb)));
        return List.copyOf(s);
    }

    private static Seed seed(String name, Ask ask, boolean decompress, String response) {
        return new Seed(name, ask, decompress, response.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Case makeCase(int number, long caseSeed) {
        Random r = new Random(caseSeed);
        Seed s = CORPUS.get(r.nextInt(CORPUS.size()));
        byte[] bytes = s.bytes();
        int mutations = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            bytes = mutate(bytes, r);
        }
        boolean decompress = s.decompress() || r.nextInt(4) == 0;
        boolean extras = s.name().startsWith("auth") || s.name().startsWith("cookie") || r.nextInt(4) == 0;
        boolean stall = s.ask() == Ask.POST_EXPECT_CONTINUE && r.nextBoolean();
        return new Case(number, caseSeed, s.name(), mutations > 0, s.ask(), decompress, r.nextInt(8) == 0, stall,
                r.nextInt(6) == 0, extras, r.nextInt(5), bytes);
    }

    private static final byte[] INTERESTING = "\r\n\0 \t:;,0123456789abcdefxX-+\"\u007f\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    private static final String[] NUMBERS = {"0", "1", "-1", "+5", "00000000000000000005", "99999999999999999999",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "7fffffffffffffff", "ffffffffffffffff",
        "10000000000000000", "8000000000000000", "fffffffffffffff0", "1099511627776", "2147483648", "5;", "5 ", " 5", "5\t;x", "0x5", "5, 5", "5,6", ""};
    private static final String[] EXTRA_HEADERS = {"Transfer-Encoding: chunked", "Content-Length: 3", "Content-Length: 0",
        "Content-Encoding: gzip", "Content-Encoding: deflate", "Content-Encoding: x-gzip, br", "Connection: close",
        "Connection: keep-alive", "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: chunked, chunked",
        "Transfer-Encoding: identity", "Content-Length: 5, 5", "Content-Type: text/plain; charset=\"",
        "Content-Type: ;charset=", "Content-Type: text/x; charset=\u00ff\u00fe", "Content-Type: a; charset=x-unknown-cs",
        "Location: //", "Set-Cookie: a=b", "Trailer: X", ":", "a:", " : x", "X-Empty:", "Upgrade: h2c"};

    private static byte[] mutate(byte[] in, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int headEnd = indexOf(in, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        int head = headEnd < 0 ? in.length : headEnd + 2; // the head up to and including the last field's CRLF
        int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
        int inHead = head == 0 ? 0 : r.nextInt(head + 1);
        int kind = r.nextInt(15);
        switch (kind >= 12 ? 5 : kind) { // strange numbers in the framing are the most telling: 4 in 15
            case 0 -> { // flip a bit
                if (in.length == 0) {
                    return in;
                }
                byte[] b = in.clone();
                int i = r.nextInt(b.length);
                b[i] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 1 -> { // insert interesting bytes, mostly in the head
                int where = r.nextBoolean() ? inHead : at;
                out.write(in, 0, where);
                for (int n = 1 + r.nextInt(3); n > 0; n--) {
                    out.write(INTERESTING[r.nextInt(INTERESTING.length)]);
                }
                out.write(in, where, in.length - where);
                return out.toByteArray();
            }
            case 2 -> { // delete a range
                int len = Math.min(in.length - at, 1 + r.nextInt(8));
                out.write(in, 0, at);
                out.write(in, at + len, in.length - at - len);
                return out.toByteArray();
            }
            case 3 -> { // truncate
                return java.util.Arrays.copyOf(in, at);
            }
            case 4 -> { // duplicate a line of the head
                List<int[]> lines = lines(in, head);
                if (lines.isEmpty()) {
                    return in;
                }
                int[] l = lines.get(r.nextInt(lines.size()));
                out.write(in, 0, l[1]);
                out.write(in, l[0], l[1] - l[0]);
                out.write(in, l[1], in.length - l[1]);
                return out.toByteArray();
            }
            case 5 -> { // replace a run of (hex) digits with a strange number
                int[] framing = framingNumber(in, head, r);
                if (framing != null && r.nextInt(3) > 0) { // mostly a Content-Length value or a chunk size
                    out.write(in, 0, framing[0]);
                    out.writeBytes(NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.ISO_8859_1));
                    out.write(in, framing[1], in.length - framing[1]);
                    return out.toByteArray();
                }
                int start = r.nextInt(in.length + 1);
                while (start < in.length && hexDigit(in[start]) < 0) {
                    start++;
                }
                int end = start;
                while (end < in.length && hexDigit(in[end]) >= 0) {
                    end++;
                }
                out.write(in, 0, start);
                out.writeBytes(NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.ISO_8859_1));
                out.write(in, end, in.length - end);
                return out.toByteArray();
            }
            case 6 -> { // obs-fold or a line starting with a blank
                List<int[]> lines = lines(in, head);
                int where = lines.isEmpty() ? inHead : lines.get(r.nextInt(lines.size()))[1];
                out.write(in, 0, where);
                out.writeBytes((r.nextBoolean() ? " folded\r\n" : "\t\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(in, where, in.length - where);
                return out.toByteArray();
            }
            case 7 -> { // a CRLF becomes a bare LF, a bare CR or CR CR LF
                int i = indexOf(in, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
                if (i < 0) {
                    i = indexOf(in, "\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
                }
                if (i < 0) {
                    return in;
                }
                out.write(in, 0, i);
                out.writeBytes(switch (r.nextInt(3)) {
                    case 0 -> new byte[] {'\n'};
                    case 1 -> new byte[] {'\r'};
                    default -> new byte[] {'\r', '\r', '\n'};
                });
                out.write(in, i + 2, in.length - i - 2);
                return out.toByteArray();
            }
            case 8 -> { // a very long line or value
                int[] sizes = {100, 127, 128, 1000, 4095, 4096, 8190, 8191, 8192, 8193, 70_000};
                String fill = "a".repeat(sizes[r.nextInt(sizes.length)]);
                out.write(in, 0, inHead);
                out.writeBytes((r.nextBoolean() ? "X-Long: " + fill + "\r\n" : fill).getBytes(StandardCharsets.ISO_8859_1));
                out.write(in, inHead, in.length - inHead);
                return out.toByteArray();
            }
            case 9 -> { // an extra header, or very many
                List<int[]> lines = lines(in, head);
                int where = lines.isEmpty() ? inHead : lines.get(r.nextInt(lines.size()))[1];
                out.write(in, 0, where);
                if (r.nextInt(10) == 0) {
                    out.writeBytes("A: b\r\n".repeat(150 + r.nextInt(100)).getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.writeBytes((EXTRA_HEADERS[r.nextInt(EXTRA_HEADERS.length)] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(in, where, in.length - where);
                return out.toByteArray();
            }
            case 10 -> { // splice in part of another response (a second message, a chunk, compressed bytes)
                byte[] other = CORPUS.get(r.nextInt(CORPUS.size())).bytes();
                int from = r.nextInt(other.length);
                int len = Math.min(other.length - from, 1 + r.nextInt(200));
                out.write(in, 0, at);
                out.write(other, from, len);
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            default -> { // overwrite a byte with an interesting one
                if (in.length == 0) {
                    return in;
                }
                byte[] b = in.clone();
                b[r.nextBoolean() && head > 0 ? Math.min(inHead, b.length - 1) : r.nextInt(b.length)] =
                        INTERESTING[r.nextInt(INTERESTING.length)];
                return b;
            }
        }
    }

    /** @return [start, end) of a Content-Length value or of a chunk size in a chunked body, or null if none */
    private static int[] framingNumber(byte[] in, int head, Random r) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        List<int[]> found = new ArrayList<>();
        var cl = java.util.regex.Pattern.compile("(?i)content-length: *([^\r\n]*)").matcher(text);
        while (cl.find()) {
            found.add(new int[] {cl.start(1), cl.end(1)});
        }
        var size = java.util.regex.Pattern.compile("(?m)^([0-9a-fA-F]+)[;\r \t]").matcher(text);
        while (size.find()) {
            if (size.start() >= head) {
                found.add(new int[] {size.start(1), size.end(1)});
            }
        }
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }

    /** @return [start, end after CRLF] of each line in the head */
    private static List<int[]> lines(byte[] in, int head) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < head; i++) {
            if (in[i] == '\n') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return out;
    }

    private static int hexDigit(byte b) {
        return Character.digit((char) (b & 0xff), 16);
    }

    private static int indexOf(byte[] in, byte[] what) {
        return indexOf(in, what, 0);
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return b.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(b, new Deflater())) {
            z.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return b.toByteArray();
    }

    /** Printable ASCII as is, the rest escaped; long runs of one byte shortened. */
    static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < b.length; i++) {
            int run = 1;
            while (i + run < b.length && b[i + run] == b[i]) {
                run++;
            }
            if (run > 16) {
                sb.append(escapeOne(b[i])).append("{x").append(run).append('}');
                i += run - 1;
                continue;
            }
            sb.append(escapeOne(b[i]));
            if (sb.length() > 20_000) {
                return sb.append("...\" (cut)").toString();
            }
        }
        return sb.append('"').toString();
    }

    private static String escapeOne(byte x) {
        int c = x & 0xff;
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c);
        };
    }
}
