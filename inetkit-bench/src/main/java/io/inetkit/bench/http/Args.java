package io.inetkit.bench.http;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the HTTP benchmark mains; unknown names are refused. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option " + name + "; known: --" + String.join(" --", known)
                        + " (each with a value)");
            }
            values.put(name.substring(2), args[i + 1]);
        }
    }

    String string(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback, int min) {
        int v = Integer.parseInt(string(name, Integer.toString(fallback)));
        if (v < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    Path path(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : Path.of(v);
    }

    /** Comma-separated process ids (the nginx worker) whose CPU time is reported beside ours. */
    long[] pids(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return new long[0];
        }
        String[] parts = v.split(",");
        long[] pids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pids[i] = Long.parseLong(parts[i].strip());
        }
        return pids;
    }
}
