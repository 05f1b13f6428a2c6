package io.inetkit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads CPU time and resident memory of this process and of the server under test from /proc. */
public final class ProcStats {

    /** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every common kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStats() {
    }

    /** @return CPU time (user + system) this JVM has used, in nanoseconds */
    public static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * @param pid a process id
     * @return its CPU time in nanoseconds (10 ms resolution), or -1 if unknown
     */
    public static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which may contain spaces: state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return CPU time all cores spent busy (not idle, not waiting for I/O) since boot, in nanoseconds, or -1 */
    public static long machineBusyNanos() {
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
            return -1;
        }
    }

    /**
     * @param pid a process id
     * @return its resident set size in KiB (VmRSS), or -1 if unknown
     */
    public static long rssKib(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
