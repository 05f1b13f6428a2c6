package io.inetkit.bench.text;

import io.inetkit.text.DotInputStream;
import io.inetkit.text.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.io.CRLFLineReader;
import org.apache.commons.net.io.DotTerminatedMessageReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a dot-stuffed body (1 MiB or 10 MiB of text lines, some stuffed) from memory to its
 * final dot, in 8 KiB chunks. One operation reads the whole body; MB/s = ops/s x size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DotBodyBench {

    private static final int CHUNK = 8192;

    /** Body size in MiB (content before stuffing). */
    @Param({"1", "10"})
    public int mib;

    byte[] input;
    long content;

    /** Builds the body and checks that every side returns the same content length. */
    @Setup
    public void setup() throws IOException {
        input = Inputs.dotBody(mib << 20);
        content = Inputs.dotBodyContent(input);
        check("inetkit bytes", inetkitDotInputStream(), content);
        check("inetkit chars", inetkitDotInputStreamIsoReader(), content);
        check("commons-net", commonsNetDotTerminatedMessageReader(), content);
    }

    private static void check(String side, long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException(side + " read " + got + " bytes or chars, expected " + expected);
        }
    }

    /** Ours as TextConnection.body() builds it: DotInputStream over the LineReader's byte view; bytes. */
    @Benchmark
    public long inetkitDotInputStream() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1);
        InputStream body = new DotInputStream(reader.asInputStream(), Long.MAX_VALUE);
        byte[] buf = new byte[CHUNK];
        long total = 0;
        for (int n; (n = body.read(buf, 0, CHUNK)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** Ours decoded to chars as Commons Net does: an ISO-8859-1 InputStreamReader over the DotInputStream. */
    @Benchmark
    public long inetkitDotInputStreamIsoReader() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1);
        Reader body = new InputStreamReader(new DotInputStream(reader.asInputStream(), Long.MAX_VALUE), StandardCharsets.ISO_8859_1);
        char[] buf = new char[CHUNK];
        long total = 0;
        for (int n; (n = body.read(buf, 0, CHUNK)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** Commons Net as NNTPClient builds it: DotTerminatedMessageReader over CRLFLineReader over an ISO-8859-1 reader; chars. */
    @Benchmark
    public long commonsNetDotTerminatedMessageReader() throws IOException {
        Reader connection = new CRLFLineReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1));
        Reader body = new DotTerminatedMessageReader(connection);
        char[] buf = new char[CHUNK];
        long total = 0;
        for (int n; (n = body.read(buf, 0, CHUNK)) >= 0; ) {
            total += n;
        }
        return total;
    }
}
