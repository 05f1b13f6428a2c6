package io.inetkit.bench.greet;

import io.inetkit.bench.ProcStats;
import io.inetkit.bench.greet.GreetLoop.Conn;
import io.inetkit.bench.greet.GreetLoop.Phase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three measurements; each returns its result as ordered key/value pairs. */
final class Runs {

    private static final long SECOND = 1_000_000_000L;

    private Runs() {
    }

    /** N persistent connections, each with exactly one message in flight. */
    static Map<String, Object> rtt(LoadOptions o) throws IOException {
        Map<String, Object> r = header(o);
        r.put("connections", o.connections());
        try (GreetLoop loop = new GreetLoop(new InetSocketAddress(o.host(), o.port()))) {
            long t0 = System.nanoTime();
            List<Conn> conns = Connections.openAll(loop, o.connections(), o.window(),
                    t0 + nanos(o.timeoutSeconds()), null);
            r.put("opened", conns.size());
            r.put("openSeconds", seconds(System.nanoTime() - t0));
            LatencyHistogram histogram = new LatencyHistogram();
            long start = System.nanoTime();
            long measureStart = start + nanos(o.warmupSeconds());
            long measureEnd = measureStart + nanos(o.durationSeconds());
            int[] outstanding = {0};
            loop.events(new GreetLoop.Events() {
                @Override
                public void welcomed(Conn c, long now) {
                }

                @Override
                public void replied(Conn c, long now) {
                    if (now >= measureStart && now < measureEnd) {
                        histogram.record(now - c.sentAt);
                    }
                    if (now < measureEnd) {
                        loop.sendMessage(c, now); // a failed send calls closed()
                    } else {
                        outstanding[0]--;
                    }
                }

                @Override
                public void closed(Conn c, long now, boolean clean) {
                    outstanding[0]--;
                }
            });
            for (Conn c : conns) {
                if (c.phase == Phase.READY) {
                    outstanding[0]++;
                    loop.sendMessage(c, System.nanoTime());
                }
            }
            CpuWindow cpu = new CpuWindow(o.serverPid());
            for (long now = System.nanoTime(); outstanding[0] > 0 && now < measureEnd + 5 * SECOND;
                 now = System.nanoTime()) {
                cpu.tick(now, measureStart, measureEnd);
                loop.poll(5);
            }
            cpu.tick(System.nanoTime(), measureStart, measureEnd);
            r.put("roundTripsPerSec", Math.round(histogram.count() / o.durationSeconds()));
            r.put("p50us", micros(histogram.percentile(0.50)));
            r.put("p99us", micros(histogram.percentile(0.99)));
            cpu.put(r);
            r.put("closedClean", Connections.closeAll(loop, conns, System.nanoTime() + nanos(o.timeoutSeconds())));
            return footer(r, loop);
        }
    }

    /** Connections per second: connect, welcome, one message and reply, exit, close. */
    static Map<String, Object> cps(LoadOptions o) throws IOException {
        Map<String, Object> r = header(o);
        r.put("concurrency", o.concurrency());
        try (GreetLoop loop = new GreetLoop(new InetSocketAddress(o.host(), o.port()))) {
            LatencyHistogram histogram = new LatencyHistogram();
            long start = System.nanoTime();
            long measureStart = start + nanos(o.warmupSeconds());
            long measureEnd = measureStart + nanos(o.durationSeconds());
            int[] active = {0};
            loop.events(new GreetLoop.Events() {
                @Override
                public void welcomed(Conn c, long now) {
                    loop.sendMessage(c, now);
                }

                @Override
                public void replied(Conn c, long now) {
                    loop.sendExit(c);
                }

                @Override
                public void closed(Conn c, long now, boolean clean) {
                    active[0]--;
                    if (clean && now >= measureStart && now < measureEnd) {
                        histogram.record(now - c.openedAt);
                    }
                }
            });
            CpuWindow cpu = new CpuWindow(o.serverPid());
            for (long now = start; now < measureEnd; now = System.nanoTime()) {
                cpu.tick(now, measureStart, measureEnd);
                while (active[0] < o.concurrency() && loop.open(null, 0, System.nanoTime()) != null) {
                    active[0]++;
                }
                loop.poll(5);
            }
            cpu.tick(System.nanoTime(), measureStart, measureEnd);
            long drainEnd = System.nanoTime() + 5 * SECOND;
            while (active[0] > 0 && System.nanoTime() < drainEnd) {
                loop.poll(10);
            }
            r.put("connectionsPerSec", Math.round(histogram.count() / o.durationSeconds()));
            r.put("p50us", micros(histogram.percentile(0.50)));
            r.put("p99us", micros(histogram.percentile(0.99)));
            cpu.put(r);
            r.put("unfinished", active[0]);
            return footer(r, loop);
        }
    }

    /** Opens N connections, holds them, checks each still answers, and reads the server's RSS. */
    static Map<String, Object> idle(LoadOptions o) throws IOException {
        Map<String, Object> r = header(o);
        r.put("connections", o.connections());
        SourceRotation rotation = new SourceRotation(o.connections(), o.perSource());
        r.put("sources", rotation.sourceCount());
        long pid = o.serverPid();
        try (GreetLoop loop = new GreetLoop(new InetSocketAddress(o.host(), o.port()))) {
            long rssBefore = ProcStats.rssKib(pid);
            long t0 = System.nanoTime();
            List<Conn> conns = Connections.openAll(loop, o.connections(), o.window(),
                    t0 + nanos(o.timeoutSeconds()), rotation);
            long openNanos = System.nanoTime() - t0;
            Connections.hold(loop, System.nanoTime() + SECOND);
            long rssOpen = ProcStats.rssKib(pid);
            int[] waiting = {0};
            int[] answered = {0};
            loop.events(new GreetLoop.Events() {
                @Override
                public void welcomed(Conn c, long now) {
                }

                @Override
                public void replied(Conn c, long now) {
                    waiting[0]--;
                    answered[0]++;
                }

                @Override
                public void closed(Conn c, long now, boolean clean) {
                    waiting[0]--;
                }
            });
            int alive = 0;
            for (Conn c : conns) {
                if (c.phase == Phase.READY) {
                    alive++;
                    waiting[0]++;
                    loop.sendMessage(c, System.nanoTime());
                }
            }
            long deadline = System.nanoTime() + nanos(o.timeoutSeconds());
            while (waiting[0] > 0 && System.nanoTime() < deadline) {
                loop.poll(10);
            }
            long rssAfter = ProcStats.rssKib(pid);
            r.put("connected", conns.size());
            r.put("stillOpen", alive);
            r.put("answered", answered[0]);
            r.put("openSeconds", seconds(openNanos));
            r.put("connectsPerSec", Math.round(conns.size() / Math.max(1e-9, seconds(openNanos))));
            r.put("rssBeforeKiB", rssBefore);
            r.put("rssOpenKiB", rssOpen);
            r.put("rssAfterKiB", rssAfter);
            boolean known = rssBefore > 0 && rssAfter > 0 && !conns.isEmpty();
            r.put("kibPerConn", known ? Math.round(10.0 * (rssAfter - rssBefore) / conns.size()) / 10.0 : -1);
            r.put("closedClean", Connections.closeAll(loop, conns, System.nanoTime() + nanos(o.timeoutSeconds())));
            return footer(r, loop);
        }
    }

    private static Map<String, Object> header(LoadOptions o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", o.mode().name().toLowerCase(java.util.Locale.ROOT));
        return r;
    }

    private static Map<String, Object> footer(Map<String, Object> r, GreetLoop loop) {
        r.put("connectRetries", loop.retries());
        r.put("errors", loop.failures());
        if (loop.failures() > 0) {
            r.put("lastError", loop.lastFailure());
        }
        return r;
    }

    private static long nanos(double seconds) {
        return (long) (seconds * SECOND);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /** CPU use of this process and of the server over the measured interval. */
    private static final class CpuWindow {
        private final long pid;
        private long wall0;
        private long own0;
        private long server0;
        private long machine0;
        private long machine1;
        private long wall1;
        private long own1;
        private long server1;

        CpuWindow(long pid) {
            this.pid = pid;
        }

        void tick(long now, long start, long end) {
            if (wall0 == 0 && now >= start) {
                wall0 = now;
                own0 = ProcStats.ownCpuNanos();
                server0 = ProcStats.cpuNanos(pid);
                machine0 = ProcStats.machineBusyNanos();
            } else if (wall1 == 0 && wall0 != 0 && now >= end) {
                wall1 = now;
                own1 = ProcStats.ownCpuNanos();
                server1 = ProcStats.cpuNanos(pid);
                machine1 = ProcStats.machineBusyNanos();
            }
        }

        void put(Map<String, Object> r) {
            double wall = wall1 - wall0;
            boolean done = wall0 != 0 && wall1 != 0 && wall > 0;
            r.put("loadgenCpuPct", done ? Math.round(1000.0 * (own1 - own0) / wall) / 10.0 : -1);
            boolean server = done && server0 >= 0 && server1 >= 0;
            r.put("serverCpuPct", server ? Math.round(1000.0 * (server1 - server0) / wall) / 10.0 : -1);
            // everything else on the machine (other processes, interrupts): a shared machine skews results
            r.put("otherCpuPct", server && machine0 >= 0 && machine1 >= 0
                    ? Math.round(1000.0 * ((machine1 - machine0) - (own1 - own0) - (server1 - server0)) / wall) / 10.0
                    : -1);
        }
    }
}
