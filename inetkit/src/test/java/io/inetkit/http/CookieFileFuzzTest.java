package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cookie files are user input and often written by other tools: mutated and random files must
 * load without an exception, and every cookie loaded must be one a server could have set (no
 * control characters, a token name, a path starting with '/'). Seeded: a failure prints the
 * case's seed and input.
 */
@Timeout(30)
class CookieFileFuzzTest {
    private static final long SEED = Long.getLong("inetkit.fuzz.seed", 20261125L);
    private static final long MILLIS = Long.getLong("inetkit.fuzz.millis", 500L);
    private static final String[] CORPUS = {
        "# Netscape HTTP Cookie File\n\n.example.com\tTRUE\t/\tFALSE\t2082758400\tsid\tabc\n",
        "#HttpOnly_www.example.com\tFALSE\t/docs\tTRUE\t0\tlang\ten\r\n",
        "a.test\tFALSE\t/\tFALSE\t1\tempty\n# comment\nb.test\tTRUE\t/x\tFALSE\t99999999999\tn\tv;w\n",
    };
    private static final byte[] INTERESTING = "\t\n\r#.;= /TRUEFALSE0123456789_\0\u007f".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void mutatedFilesLoadOrSkipLinesNeverThrow() {
        Random master = new Random(SEED);
        long deadline = System.nanoTime() + MILLIS * 1_000_000;
        int cases = 0;
        int loaded = 0;
        while (System.nanoTime() < deadline) {
            long caseSeed = master.nextLong();
            byte[] input = mutate(CORPUS[new Random(caseSeed).nextInt(CORPUS.length)].getBytes(StandardCharsets.ISO_8859_1),
                    new Random(caseSeed));
            try {
                CookieFile.Loaded result = CookieFile.read(new ByteArrayInputStream(input));
                for (Cookie c : result.cookies()) {
                    assertThat(HttpSyntax.isToken(c.name())).as("name %s", c.name()).isTrue();
                    assertThat(c.path()).startsWith("/");
                    assertThat((c.domain() + c.path() + c.name() + c.value()).chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f))
                            .as("no control characters in %s", c).isTrue();
                    assertThat(CookieFile.format(c)).as("what was read can be written").isNotNull();
                }
                loaded += result.cookies().size();
            } catch (Throwable t) {
                fail("seed " + SEED + ", case seed " + caseSeed + ", input " + Arrays.toString(input) + ": " + t, t);
            }
            cases++;
        }
        assertThat(cases).as("cases run").isGreaterThan(100);
        assertThat(loaded).as("some cookies still load").isPositive();
    }

    private static byte[] mutate(byte[] seed, Random r) {
        if (r.nextInt(10) == 0) {
            byte[] noise = new byte[r.nextInt(400)];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) r.nextInt(256);
            }
            return noise;
        }
        byte[] b = seed;
        for (int k = 1 + r.nextInt(6); k > 0; k--) {
            int pos = r.nextInt(b.length + 1);
            switch (r.nextInt(5)) {
                case 0 -> b = splice(b, pos, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]}, 0);
                case 1 -> b = Arrays.copyOf(b, pos);
                case 2 -> {
                    if (pos < b.length) {
                        b[pos] = (byte) r.nextInt(256);
                    }
                }
                case 3 -> b = splice(b, pos, new byte[0], pos < b.length ? 1 : 0);
                default -> b = splice(b, pos, Arrays.copyOfRange(b, 0, r.nextInt(b.length + 1)), 0); // repeat a prefix
            }
        }
        return b;
    }

    /** b with {@code drop} bytes at pos replaced by {@code what}. */
    private static byte[] splice(byte[] b, int pos, byte[] what, int drop) {
        byte[] out = new byte[b.length - drop + what.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(what, 0, out, pos, what.length);
        System.arraycopy(b, pos + drop, out, pos + what.length, b.length - pos - drop);
        return out;
    }
}
