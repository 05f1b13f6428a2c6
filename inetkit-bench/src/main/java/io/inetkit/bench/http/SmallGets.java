package io.inetkit.bench.http;

import io.inetkit.bench.Args;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keep-alive request rate of one Java HTTP client: {@code --requests} GETs of a small file per
 * round, shared by {@code --callers} platform threads that each send one request at a time on
 * one shared client (platform threads unless {@code --threads virtual}). Warm-up rounds, then measured rounds; one JSON line per measured round.
 *
 * <pre>
 * java -Xmx64m -cp inetkit-bench.jar io.inetkit.bench.http.SmallGets --client inetkit|apache|okhttp|jdk
 *      --url http://127.0.0.1:8080/1k.bin --requests 10000 --callers 1|16 [--rounds 3] [--warmup 2]
 *      [--cacert ca.pem] [--label gets-1] [--server-pids 1234] [--timeout 120] [--threads platform|virtual]
 * </pre>
 */
public final class SmallGets {

    private SmallGets() {
    }

    /**
     * Runs the benchmark.
     *
     * @param argv the options above
     * @throws Exception on any failure (the run is then worthless)
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv, Set.of("client", "url", "cacert", "requests", "callers", "rounds", "warmup",
                "label", "server-pids", "timeout", "threads"));
        String name = a.string("client", null);
        URI uri = URI.create(a.string("url", null));
        int requests = a.integer("requests", 10_000, 1);
        int callers = a.integer("callers", 1, 1);
        int rounds = a.integer("rounds", 3, 1);
        int warmup = a.integer("warmup", 2, 0);
        int timeoutSeconds = a.integer("timeout", 120, 1);
        String label = a.string("label", "gets-" + callers);
        Measure m = new Measure(a.pids("server-pids"));
        String threads = a.string("threads", "platform");
        ExecutorService pool = switch (threads) {
            case "platform" -> Executors.newFixedThreadPool(callers);
            case "virtual" -> Executors.newVirtualThreadPerTaskExecutor();
            default -> throw new IllegalArgumentException("--threads must be platform or virtual, got " + threads);
        };
        try (BenchClient client = BenchClient.open(name, new BenchClient.Options(a.path("cacert"), callers))) {
            for (int i = 0; i < warmup; i++) {
                long t0 = System.nanoTime();
                long bytes = round(client, uri, requests, callers, pool, timeoutSeconds);
                System.err.printf(Locale.ROOT, "[%s] warm-up %d: %d bytes, %.0f req/s%n", name, i + 1, bytes,
                        requests / ((System.nanoTime() - t0) / 1e9));
            }
            for (int r = 1; r <= rounds; r++) {
                m.start();
                long bytes = round(client, uri, requests, callers, pool, timeoutSeconds);
                String fields = m.stop();
                System.out.printf(Locale.ROOT,
                        "{\"test\":\"%s\",\"client\":\"%s\",\"round\":%d,\"requests\":%d,\"callers\":%d,\"bytes\":%d,%s}%n",
                        label, name, r, requests, callers, bytes, fields);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code requests} GETs from {@code callers} threads; fails on the first error or after the timeout. */
    private static long round(BenchClient client, URI uri, int requests, int callers, ExecutorService pool,
            int timeoutSeconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>(callers);
        for (int c = 0; c < callers; c++) {
            futures.add(pool.submit(() -> {
                long local = 0;
                while (next.getAndIncrement() < requests) {
                    local += client.get(uri);
                }
                bytes.addAndGet(local);
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Future<?> f : futures) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return bytes.get();
    }
}
