package io.inetkit.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the benchmark mains; unknown names are refused. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    /**
     * Parses the arguments.
     *
     * @param args the program arguments, {@code --name value} pairs
     * @param known the accepted names, without {@code --}
     */
    public Args(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option " + name + "; known: --" + String.join(" --", known)
                        + " (each with a value)");
            }
            values.put(name.substring(2), args[i + 1]);
        }
    }

    /**
     * @param name the option's name, without {@code --}
     * @param fallback the value when absent, or null if the option is required
     * @return the value
     */
    public String string(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /**
     * @param name the option's name
     * @param fallback the value when absent
     * @param min the smallest value accepted
     * @return the value
     */
    public int integer(String name, int fallback, int min) {
        int v = Integer.parseInt(string(name, Integer.toString(fallback)));
        if (v < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    /**
     * @param name the option's name
     * @return the path, or null when absent or empty
     */
    public Path path(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : Path.of(v);
    }

    /**
     * Comma-separated process ids (the nginx worker) whose CPU time is reported beside ours.
     *
     * @param name the option's name
     * @return the ids, empty when absent
     */
    public long[] pids(String name) {
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
