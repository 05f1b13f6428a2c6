package io.inetkit.bench.text;

import io.inetkit.text.HeaderBlock;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.io.CRLFLineReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one mail/news header block (20 fields, 5 of them folded over 7 continuation lines,
 * 1,287 bytes) from memory. Commons Net has no header parser, so its side is CRLFLineReader
 * lines with the same unfolding and name/value split written out here. Each operation builds a
 * fresh reader on both sides, so reader set-up (an 8 KiB buffer each) is part of the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeaderBench {

    byte[] input;

    /** Builds the input and checks both sides find 20 fields. */
    @Setup
    public void setup() throws IOException {
        input = Inputs.headerBlock();
        if (inetkitHeaderBlock().size() != 20 || commonsNetCrlfLinesUnfolded().size() != 20) {
            throw new IllegalStateException("expected 20 fields on both sides");
        }
    }

    /** Ours: {@link HeaderBlock#read(LineReader, HeaderRules)} with the lenient mail rules. */
    @Benchmark
    public HeaderBlock inetkitHeaderBlock() throws IOException {
        return HeaderBlock.read(new LineReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1), HeaderRules.MAIL);
    }

    /** Commons Net's CRLFLineReader lines, unfolded and split at the colon (name, trimmed value). */
    @Benchmark
    public List<Map.Entry<String, String>> commonsNetCrlfLinesUnfolded() throws IOException {
        CRLFLineReader reader = new CRLFLineReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                value.append(line);
                continue;
            }
            if (name != null) {
                out.add(Map.entry(name, value.toString().strip()));
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("no colon: " + line);
            }
            name = line.substring(0, colon);
            value = new StringBuilder(line.substring(colon + 1));
        }
        if (name != null) {
            out.add(Map.entry(name, value.toString().strip()));
        }
        return out;
    }
}
