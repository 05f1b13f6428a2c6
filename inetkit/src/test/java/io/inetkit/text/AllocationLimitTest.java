package io.inetkit.text;

import static io.inetkit.text.Feeds.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quality bar "none may allocate more than its limit", measured: each reader is fed a hostile
 * input many times larger than its limit, and the heap allocated by the reading thread is
 * counted. A reader that buffered the input (the bug these limits prevent) would allocate at
 * least the input's size, far above the bound checked here.
 */
@Timeout(30)
class AllocationLimitTest {
    /** How many times its limit each hostile input is. */
    private static final int OVERSIZE = 16;
    /** Fixed costs (buffers, exceptions and their stack traces), independent of the input. */
    private static final long SLACK = 64 * 1024;

    private static Object threads;
    private static Method allocatedBytes;

    /**
     * HotSpot's per-thread allocation counter, {@code com.sun.management.ThreadMXBean}. Looked up
     * reflectively: the test sources compile as part of module io.inetkit, which reads neither
     * java.management nor jdk.management (the tests themselves run on the class path).
     */
    @BeforeAll
    static void counter() throws Exception {
        threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
        assertThat(bean.isInstance(threads)).as("HotSpot's thread bean").isTrue();
        assertThat((Boolean) bean.getMethod("isThreadAllocatedMemorySupported").invoke(threads))
                .as("HotSpot counts allocation per thread").isTrue();
        bean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
        allocatedBytes = bean.getMethod("getCurrentThreadAllocatedBytes");
    }

    private static long allocatedSoFar() throws Exception {
        return (Long) allocatedBytes.invoke(threads);
    }

    @FunctionalInterface
    interface Read {
        void run(InputStream in) throws Exception;
    }

    /** Runs the read twice (the first warms classes and code up) and returns the bytes the second allocated. */
    private static long allocatedBy(Read read, Repeat input) throws Exception {
        read.run(input.fresh());
        InputStream in = input.fresh();
        long before = allocatedSoFar();
        read.run(in);
        long allocated = allocatedSoFar() - before;
        assertThat(input.consumedOf(in)).as("the input was read at all").isPositive();
        return allocated;
    }

    @Test
    void lineReaderHoldsAtMostOneLineOfTheLimit() throws Exception {
        int limit = 256 * 1024;
        Repeat input = new Repeat(ascii(""), ascii("a"), (long) OVERSIZE * limit, ascii("\r\n"));
        long allocated = allocatedBy(in -> assertThatThrownBy(
                () -> new LineReader(in, StandardCharsets.ISO_8859_1, limit).readLine())
                .isInstanceOf(LineTooLongException.class), input);
        // The line buffer grows by doubling up to limit + 1: about twice the limit in all (measured 2.01).
        assertThat(allocated).as("bytes allocated reading a %d-byte line with a %d-byte limit", OVERSIZE * limit, limit)
                .isLessThan(2L * limit + SLACK);
    }

    @Test
    void replyReaderHoldsAtMostItsLinesTimesTheLineLimit() throws Exception {
        int maxLines = 50;
        int maxLine = 1024;
        byte[] line = ascii("250-" + "x".repeat(maxLine - 4) + "\r\n");
        long budget = (long) maxLines * maxLine; // what a reply at both limits holds
        Repeat input = new Repeat(ascii(""), line, OVERSIZE * budget, ascii("250 end\r\n"));
        long allocated = allocatedBy(in -> assertThatThrownBy(() -> new ReplyReader(
                new LineReader(in, StandardCharsets.ISO_8859_1, maxLine), maxLines, Transcript.NONE).readReply())
                .isInstanceOf(LimitExceededException.class), input);
        // Each line is decoded once and its text cut once: about two copies of the budget (measured 2.3).
        assertThat(allocated).isLessThan(3 * budget + SLACK);
    }

    @Test
    void dotReaderAllocatesNothingPerByte() throws Exception {
        int limit = 1024 * 1024;
        Repeat input = new Repeat(ascii(""), ascii("..stuffed line of a long body\r\n"), (long) OVERSIZE * limit, ascii(".\r\n"));
        byte[] sink = new byte[8192];
        for (boolean throughLineReader : new boolean[] {false, true}) {
            long allocated = allocatedBy(in -> {
                InputStream raw = throughLineReader ? new LineReader(in, StandardCharsets.ISO_8859_1).asInputStream() : in;
                DotInputStream body = new DotInputStream(raw, limit);
                assertThatThrownBy(() -> {
                    while (body.read(sink, 0, sink.length) >= 0) {
                        // discard
                    }
                }).isInstanceOf(BodyTooLargeException.class);
            }, input);
            // The body is streamed: only the reader's own fixed buffer, whatever the body's size.
            assertThat(allocated).as("through a LineReader: %s", throughLineReader).isLessThan(SLACK);
        }
    }

    @Test
    void headerReaderHoldsAtMostItsByteLimit() throws Exception {
        int maxBytes = 128 * 1024;
        HeaderRules rules = new HeaderRules(HeaderRules.Strictness.LENIENT, maxBytes, 100);
        // One field folded forever: the value grows until the byte limit stops it.
        Repeat input = new Repeat(ascii("Subject: start\r\n"), ascii(" folded continuation of the subject line\r\n"),
                (long) OVERSIZE * maxBytes, ascii("\r\n"));
        long allocated = allocatedBy(in -> assertThatThrownBy(() -> HeaderBlock.read(
                new LineReader(in, StandardCharsets.ISO_8859_1), rules))
                .isInstanceOf(LimitExceededException.class), input);
        // Each short line costs its String (header and bytes, about twice its length) and is
        // appended to a value that grows by doubling: about five times the limit (measured 4.99).
        assertThat(allocated).isLessThan(6L * maxBytes + SLACK);
    }

    /** A prefix, a unit repeated up to a total size, then a tail; reads allocate nothing. */
    private record Repeat(byte[] prefix, byte[] unit, long size, byte[] tail) {

        InputStream fresh() {
            return new Stream();
        }

        long consumedOf(InputStream in) {
            return ((Stream) in).pos;
        }

        private final class Stream extends InputStream {
            private long pos;

            @Override
            public int read() {
                return pos < prefix.length + size + tail.length ? at(pos++) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long total = prefix.length + size + tail.length;
                if (pos >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - pos);
                for (int i = 0; i < n; i++, pos++) {
                    b[off + i] = at(pos);
                }
                return n;
            }

            private byte at(long p) {
                if (p < prefix.length) {
                    return prefix[(int) p];
                }
                long q = p - prefix.length;
                return q < size ? unit[(int) (q % unit.length)] : tail[(int) (q - size)];
            }

            @Override
            public void close() throws IOException {
                // nothing to release
            }
        }
    }
}
