package io.inetkit.bench.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Wall time and CPU time of one measured round: this JVM's, the server's (by PID, from /proc),
 * and everyone else's on the machine ("other", in cores: noise from other work on a shared machine).
 */
final class Measure {

    /** Linux reports CPU times in clock ticks; USER_HZ is 100 on every common kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long[] serverPids;
    private long wall0;
    private long cpu0;
    private long server0;
    private long machine0;
    private long alloc0;

    Measure(long[] serverPids) {
        this.serverPids = serverPids;
    }

    void start() {
        machine0 = machineBusyNanos();
        server0 = serverCpuNanos();
        cpu0 = ownCpuNanos();
        alloc0 = allocatedBytes();
        wall0 = System.nanoTime();
    }

    /** @return the round's figures as JSON fields (no braces) */
    String stop() {
        long wall = System.nanoTime() - wall0;
        long cpu = ownCpuNanos() - cpu0;
        long alloc = allocatedBytes() - alloc0;
        long server = serverCpuNanos() - server0;
        long machine = machineBusyNanos() - machine0;
        double seconds = wall / 1e9;
        double other = serverPids.length == 0 ? Double.NaN : Math.max(0, (machine - cpu - server) / 1e9) / seconds;
        return String.format(Locale.ROOT, "\"seconds\":%.4f,\"cpu_s\":%.3f,\"alloc_bytes\":%d,\"server_cpu_s\":%.3f,\"other_cores\":%.2f",
                seconds, cpu / 1e9, alloc, serverPids.length == 0 ? Double.NaN : server / 1e9, other)
                .replace("NaN", "null");
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated on the heap by all threads of this JVM so far (JDK 21+). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private long serverCpuNanos() {
        long sum = 0;
        for (long pid : serverPids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // fields after the command name (which may contain spaces); utime and stime are fields 14 and 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
            } catch (IOException | RuntimeException e) {
                // the server went away: its share shows up as "other"
            }
        }
        return sum;
    }

    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
