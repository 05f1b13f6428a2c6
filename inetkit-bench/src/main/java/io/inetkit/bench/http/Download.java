package io.inetkit.bench.http;

import io.inetkit.bench.Args;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Large-download throughput of one Java HTTP client: warm-up downloads, then measured rounds,
 * each a GET of {@code --url} read to its end through the client's InputStream with a 64 KiB
 * buffer. Prints one JSON line per measured round on stdout.
 *
 * <pre>
 * java -Xmx64m -cp inetkit-bench.jar io.inetkit.bench.http.Download --client inetkit|apache|okhttp|jdk
 *      --url https://127.0.0.1:8443/1g.bin [--cacert ca.pem] [--rounds 3] [--warmup 1]
 *      [--label download-https] [--server-pids 1234]
 * </pre>
 */
public final class Download {

    private Download() {
    }

    /**
     * Runs the benchmark.
     *
     * @param argv the options above
     * @throws Exception on any failure (the run is then worthless)
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv, Set.of("client", "url", "cacert", "rounds", "warmup", "label", "server-pids"));
        String name = a.string("client", null);
        URI uri = URI.create(a.string("url", null));
        int rounds = a.integer("rounds", 3, 1);
        int warmup = a.integer("warmup", 1, 0);
        String label = a.string("label", "download");
        Measure m = new Measure(a.pids("server-pids"));
        byte[] buf = new byte[64 * 1024];
        try (BenchClient client = BenchClient.open(name, new BenchClient.Options(a.path("cacert"), 1))) {
            for (int i = 0; i < warmup; i++) {
                long t0 = System.nanoTime();
                long n = client.download(uri, buf);
                System.err.printf(Locale.ROOT, "[%s] warm-up %d: %d bytes, %.0f MB/s%n", name, i + 1, n,
                        n / 1e6 / ((System.nanoTime() - t0) / 1e9));
            }
            for (int r = 1; r <= rounds; r++) {
                m.start();
                long n = client.download(uri, buf);
                String fields = m.stop();
                System.out.printf(Locale.ROOT, "{\"test\":\"%s\",\"client\":\"%s\",\"round\":%d,\"bytes\":%d,%s}%n",
                        label, name, r, n, fields);
            }
        }
    }
}
