package io.inetkit.bench.httpserver;

import io.inetkit.bench.Args;
import io.inetkit.xmlrpc.InetkitHttpTransport;
import io.inetkit.xmlrpc.XmlRpcClient;
import io.inetkit.xmlrpc.XmlRpcConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * inetkit's XML-RPC client as a load loop: {@code add(i, i)} called one after the other
 * (one call in flight, as a script would), each answer checked. The first {@code --warmup}
 * calls are timed apart, so the result shows both the cold JVM and the warm rate.
 *
 * <p>Usage: {@code XmlRpcCallsMain --url U [--calls 10000] [--warmup 2000] [--max-seconds 120]}.
 * Prints one JSON line: {@code {"warmupCalls":..,"warmupSeconds":..,"calls":..,"seconds":..,
 * "callsPerSec":..,"errors":..}}. Stops early (and says so) when the time limit is reached.
 */
public final class XmlRpcCallsMain {

    private XmlRpcCallsMain() {
    }

    /**
     * Runs the calls and prints the result.
     *
     * @param args the options
     * @throws IOException never thrown for failed calls (they are counted); only for bad options
     */
    public static void main(String[] args) throws IOException {
        Args a = new Args(args, Set.of("url", "calls", "warmup", "max-seconds"));
        URI url = URI.create(a.string("url", null));
        int calls = a.integer("calls", 10_000, 1);
        int warmup = a.integer("warmup", 2_000, 0);
        int maxSeconds = a.integer("max-seconds", 120, 1);
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        try (InetkitHttpTransport http = new InetkitHttpTransport(url)) {
            XmlRpcClient client = new XmlRpcClient(http, XmlRpcConfig.DEFAULT);
            Pass cold = run(client, 0, warmup, deadline);
            Pass warm = run(client, warmup, calls, deadline);
            System.out.printf(Locale.ROOT,
                    "{\"warmupCalls\":%d,\"warmupSeconds\":%.4f,\"calls\":%d,\"seconds\":%.4f,"
                            + "\"callsPerSec\":%.1f,\"errors\":%d,\"lastError\":\"%s\"}%n",
                    cold.done, cold.seconds, warm.done, warm.seconds, warm.done / warm.seconds,
                    cold.errors + warm.errors, json(warm.lastError != null ? warm.lastError : cold.lastError));
        }
    }

    private record Pass(int done, double seconds, int errors, String lastError) {
    }

    private static Pass run(XmlRpcClient client, int first, int count, long deadline) {
        int errors = 0;
        String lastError = null;
        int done = 0;
        long start = System.nanoTime();
        for (int i = first; i < first + count && System.nanoTime() < deadline; i++) {
            try {
                Object sum = client.call("add", i, i);
                if (!(sum instanceof Integer n) || n != 2 * i) {
                    errors++;
                    lastError = "add(" + i + ", " + i + ") returned " + sum;
                }
            } catch (IOException e) {
                errors++;
                lastError = e.toString();
            }
            done++;
        }
        return new Pass(done, Math.max(1e-9, (System.nanoTime() - start) / 1e9), errors, lastError);
    }

    private static String json(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "'").replaceAll("\\p{Cntrl}", " ");
    }
}
