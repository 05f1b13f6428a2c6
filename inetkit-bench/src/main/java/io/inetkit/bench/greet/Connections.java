package io.inetkit.bench.greet;

import io.inetkit.bench.greet.GreetLoop.Conn;
import io.inetkit.bench.greet.GreetLoop.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Opening and closing many connections on one {@link GreetLoop}, bounded in time. */
final class Connections {

    private Connections() {
    }

    /** Give up on the connects still waiting when none has been welcomed for this long. */
    private static final long STALL_NANOS = 5_000_000_000L;

    /**
     * Opens {@code n} connections with at most {@code window} connects awaiting their welcome,
     * until all are welcomed, the deadline passes or nothing has progressed for 5 s (a server
     * whose accept queue overflowed may never complete some handshakes); the rest are aborted.
     *
     * @param rotation the local addresses to bind, or null to let the kernel choose
     * @return the welcomed connections (some may have been closed since)
     */
    static List<Conn> openAll(GreetLoop loop, int n, int window, long deadline,
                              SourceRotation rotation) throws IOException {
        List<Conn> all = new ArrayList<>(n);
        List<Conn> ready = new ArrayList<>(n);
        int[] pending = {0};
        GreetLoop.Events events = new GreetLoop.Events() {
            @Override
            public void welcomed(Conn c, long now) {
                pending[0]--;
                ready.add(c);
            }

            @Override
            public void replied(Conn c, long now) {
                throw new IllegalStateException("reply without a message");
            }

            @Override
            public void closed(Conn c, long now, boolean clean) {
                if (c.failedIn == Phase.CONNECTING || c.failedIn == Phase.WELCOME) {
                    pending[0]--;
                }
            }
        };
        loop.events(events);
        int started = 0;
        int lastReady = 0;
        long lastProgress = System.nanoTime();
        for (long now = lastProgress; now < deadline && (started < n || pending[0] > 0); now = System.nanoTime()) {
            if (ready.size() != lastReady || started < n && pending[0] < window) {
                lastReady = ready.size();
                lastProgress = now;
            } else if (now - lastProgress > STALL_NANOS) {
                break;
            }
            while (started < n && pending[0] < window) {
                Conn c = loop.open(rotation, started, System.nanoTime());
                started++;
                if (c != null) {
                    pending[0]++;
                    all.add(c);
                }
            }
            loop.poll(10);
        }
        for (Conn c : all) {
            if (c.phase == Phase.CONNECTING || c.phase == Phase.WELCOME) {
                loop.abort(c, "no welcome before the deadline or a 5 s stall");
            }
        }
        return ready;
    }

    /** Waits, polling, until {@code deadline}; connections stay open and idle meanwhile. */
    static void hold(GreetLoop loop, long deadline) throws IOException {
        GreetLoop.Events ignore = new GreetLoop.Events() {
            @Override
            public void welcomed(Conn c, long now) {
            }

            @Override
            public void replied(Conn c, long now) {
            }

            @Override
            public void closed(Conn c, long now, boolean clean) {
            }
        };
        loop.events(ignore);
        for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
            loop.poll(Math.max(1, (deadline - now) / 1_000_000));
        }
    }

    /**
     * Sends {@code exit} on every READY connection and waits for the server to close each
     * (so the TIME_WAIT state lands on the server, not on our ports); aborts the rest.
     *
     * @return how many closed cleanly
     */
    static int closeAll(GreetLoop loop, List<Conn> conns, long deadline) throws IOException {
        int[] open = {0};
        int[] clean = {0};
        GreetLoop.Events events = new GreetLoop.Events() {
            @Override
            public void welcomed(Conn c, long now) {
            }

            @Override
            public void replied(Conn c, long now) {
            }

            @Override
            public void closed(Conn c, long now, boolean ok) {
                open[0]--;
                if (ok) {
                    clean[0]++;
                }
            }
        };
        loop.events(events);
        for (Conn c : conns) {
            if (c.phase == Phase.READY) {
                loop.sendExit(c);
                if (c.phase == Phase.CLOSING) {
                    open[0]++;
                }
            } else {
                loop.abort(c, "still busy at close");
            }
        }
        while (open[0] > 0 && System.nanoTime() < deadline) {
            loop.poll(10);
        }
        for (Conn c : conns) {
            loop.abort(c, "server did not close after exit");
        }
        return clean[0];
    }
}
