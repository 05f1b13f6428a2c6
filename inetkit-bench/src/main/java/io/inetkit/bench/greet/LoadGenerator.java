package io.inetkit.bench.greet;

import java.io.IOException;
import java.util.Map;

/**
 * Load generator for the greeting protocol: one NIO selector thread drives all
 * connections, so it stays far cheaper than the server it measures (its own CPU use is
 * reported with every result so that can be checked).
 *
 * <ul>
 *   <li>{@code rtt --port P --connections N --duration S --warmup W}: N persistent
 *       connections, each with one message in flight; round trips/s, p50/p99 latency.</li>
 *   <li>{@code cps --port P --concurrency C --duration S}: whole connections per second
 *       (connect, welcome, one message, exit, server closes).</li>
 *   <li>{@code idle --port P --connections N [--server-pid PID]}: open and hold N
 *       connections, verify each still answers, server RSS per connection.</li>
 * </ul>
 * Common options: {@code --host} (127.0.0.1), {@code --server-pid} (CPU and memory readings),
 * {@code --window} (connects in progress, 100), {@code --per-source} (connections per
 * loopback source address in idle mode, 25000), {@code --timeout} (seconds, 60).
 *
 * <p>Prints one JSON line per result and one human line starting with {@code #}.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * Runs one measurement.
     *
     * @param args the mode and its options
     * @throws IOException if the selector cannot be opened
     */
    public static void main(String[] args) throws IOException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> result = switch (options.mode()) {
            case RTT -> Runs.rtt(options);
            case CPS -> Runs.cps(options);
            case IDLE -> Runs.idle(options);
        };
        System.out.println(json(result));
        System.out.println("# " + human(result));
    }

    static String json(Map<String, Object> result) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else {
                b.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.append('}').toString();
    }

    private static String human(Map<String, Object> r) {
        String cpu = " (load generator CPU " + r.get("loadgenCpuPct") + "%, server CPU " + r.get("serverCpuPct") + "%)";
        String errors = " errors " + r.get("errors") + (r.containsKey("lastError") ? " [" + r.get("lastError") + "]" : "");
        return switch ((String) r.get("mode")) {
            case "rtt" -> String.format("rtt %s connections: %,d round trips/s, p50 %s us, p99 %s us%s%s",
                    r.get("opened"), r.get("roundTripsPerSec"), r.get("p50us"), r.get("p99us"), cpu, errors);
            case "cps" -> String.format("cps concurrency %s: %,d connections/s, p50 %s us, p99 %s us%s%s",
                    r.get("concurrency"), r.get("connectionsPerSec"), r.get("p50us"), r.get("p99us"), cpu, errors);
            default -> String.format("idle %s connections from %s source(s): %s connected in %s s, %s answered,"
                            + " server RSS %s -> %s KiB = %s KiB/connection;%s",
                    r.get("connections"), r.get("sources"), r.get("connected"), r.get("openSeconds"),
                    r.get("answered"), r.get("rssBeforeKiB"), r.get("rssAfterKiB"), r.get("kibPerConn"), errors);
        };
    }
}
