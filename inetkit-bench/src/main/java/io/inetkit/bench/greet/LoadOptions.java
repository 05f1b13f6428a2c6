package io.inetkit.bench.greet;

import java.util.HashMap;
import java.util.Map;

/**
 * The load generator's settings, validated at construction.
 *
 * @param mode what to measure
 * @param host the server's address (loopback)
 * @param port the server's port
 * @param connections persistent connections (rtt, idle)
 * @param concurrency connections in flight at once (cps)
 * @param durationSeconds the measured interval (rtt, cps)
 * @param warmupSeconds the unmeasured interval before it (rtt, cps)
 * @param serverPid the server's process id for CPU and memory readings, 0 if unknown
 * @param window connects started but not yet welcomed, at most (rtt, idle)
 * @param perSource connections per loopback source address before moving to the next (idle)
 * @param timeoutSeconds upper bound for opening, verifying or closing connections
 */
record LoadOptions(Mode mode, String host, int port, int connections, int concurrency,
                   double durationSeconds, double warmupSeconds, long serverPid, int window,
                   int perSource, double timeoutSeconds) {

    /** The three measurements. */
    enum Mode { RTT, CPS, IDLE }

    LoadOptions {
        check(port >= 1 && port <= 65535, "--port must be 1..65535");
        check(connections >= 1 && connections <= 200_000, "--connections must be 1..200000");
        check(concurrency >= 1 && concurrency <= 10_000, "--concurrency must be 1..10000");
        check(durationSeconds > 0 && durationSeconds <= 600, "--duration must be in (0, 600] s");
        check(warmupSeconds >= 0 && warmupSeconds <= 600, "--warmup must be in [0, 600] s");
        check(window >= 1 && window <= 10_000, "--window must be 1..10000");
        check(perSource >= 1 && perSource <= 28_000, "--per-source must be 1..28000");
        check(timeoutSeconds > 0 && timeoutSeconds <= 600, "--timeout must be in (0, 600] s");
    }

    /** Parses {@code MODE --port P [--name value]...}. */
    static LoadOptions parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: LoadGenerator rtt|cps|idle --port P [options]");
        }
        Mode mode = Mode.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            check(args[i].startsWith("--") && i + 1 < args.length, "expected --name value at " + args[i]);
            o.put(args[i].substring(2), args[i + 1]);
        }
        LoadOptions result = new LoadOptions(mode,
                o.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(req(o, "port")),
                Integer.parseInt(o.getOrDefault("connections", "1")),
                Integer.parseInt(o.getOrDefault("concurrency", "50")),
                Double.parseDouble(o.getOrDefault("duration", "5")),
                Double.parseDouble(o.getOrDefault("warmup", mode == Mode.RTT ? "2" : "1")),
                Long.parseLong(o.getOrDefault("server-pid", "0")),
                Integer.parseInt(o.getOrDefault("window", "100")),
                Integer.parseInt(o.getOrDefault("per-source", "25000")),
                Double.parseDouble(o.getOrDefault("timeout", "60")));
        o.keySet().removeAll(java.util.List.of("host", "port", "connections", "concurrency", "duration",
                "warmup", "server-pid", "window", "per-source", "timeout"));
        check(o.isEmpty(), "unknown options " + o.keySet());
        return result;
    }

    private static String req(Map<String, String> o, String name) {
        String v = o.get(name);
        check(v != null, "--" + name + " is required");
        return v;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
