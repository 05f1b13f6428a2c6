package io.inetkit.bench.http;

import io.inetkit.bench.ProcStats;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall time and CPU time of one measured round: this JVM's, the server's (by PID, from /proc),
 * and everyone else's on the machine ("other", in cores: noise from other work on a shared machine).
 */
final class Measure {

    /** Linux reports CPU times in clock ticks; USER_HZ is 100 on every common kernel. */

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
        cpu0 = ProcStats.ownCpuNanos();
        alloc0 = allocatedBytes();
        wall0 = System.nanoTime();
    }

    /** @return the round's figures as JSON fields (no braces) */
    String stop() {
        long wall = System.nanoTime() - wall0;
        long cpu = ProcStats.ownCpuNanos() - cpu0;
        long alloc = allocatedBytes() - alloc0;
        long server = serverCpuNanos() - server0;
        long machine = machineBusyNanos() - machine0;
        double seconds = wall / 1e9;
        double other = serverPids.length == 0 ? Double.NaN : Math.max(0, (machine - cpu - server) / 1e9) / seconds;
        return String.format(Locale.ROOT, "\"seconds\":%.4f,\"cpu_s\":%.3f,\"alloc_bytes\":%d,\"server_cpu_s\":%.3f,\"other_cores\":%.2f",
                seconds, cpu / 1e9, alloc, serverPids.length == 0 ? Double.NaN : server / 1e9, other)
                .replace("NaN", "null");
    }

    /** Bytes allocated on the heap by all threads of this JVM so far (JDK 21+). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private long serverCpuNanos() {
        long sum = 0;
        for (long pid : serverPids) {
            sum += Math.max(0, ProcStats.cpuNanos(pid)); // a server that went away shows up as "other"
        }
        return sum;
    }

    private static long machineBusyNanos() {
        return Math.max(0, ProcStats.machineBusyNanos());
    }
}
