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
     * A connect not welcomed within this time is closed and made again, up to
     * {@link #MAX_ATTEMPTS} times, as a client with a connect timeout would: a server whose
     * accept queue overflowed (Python's backlog is 5) may drop the handshake's last ACK, and
     * such a connection never gets its welcome.
     */
    private static final long WELCOME_TIMEOUT_NANOS = 2_000_000_000L;
    private static final int MAX_ATTEMPTS = 4;
    private static final long SCAN_NANOS = 200_000_000L;

    /**
     * Opens {@code n} connections with at most {@code window} connects awaiting their welcome,
     * until all are welcomed, the deadline passes or nothing has progressed for 5 s; connects
     * that wait over 2 s for the welcome are retried; the rest are aborted at the end.
     *
     * @param rotation the local addresses to bind, or null to let the kernel choose
     * @return the welcomed connections (some may have been closed since)
     */
    static List<Conn> openAll(GreetLoop loop, int n, int window, long deadline,
                              SourceRotation rotation) throws IOException {
        List<Conn> waiting = new ArrayList<>();
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
        long nextScan = lastProgress + SCAN_NANOS;
        for (long now = lastProgress; now < deadline && (started < n || pending[0] > 0); now = System.nanoTime()) {
            if (now >= nextScan) {
                nextScan = now + SCAN_NANOS;
                long retriesBefore = loop.retries();
                waiting = retryStale(loop, waiting, rotation, now, pending);
                if (loop.retries() != retriesBefore) {
                    lastProgress = now; // a retry may still succeed
                }
            }
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
                    waiting.add(c);
                }
            }
            loop.poll(10);
        }
        for (Conn c : waiting) {
            if (isWaiting(c)) {
                loop.abort(c, "no welcome before the deadline or a 5 s stall");
            }
        }
        return ready;
    }

    /** Keeps the connects still waiting; replaces those waiting too long, or gives them up. */
    private static List<Conn> retryStale(GreetLoop loop, List<Conn> waiting, SourceRotation rotation,
                                         long now, int[] pending) {
        List<Conn> still = new ArrayList<>(waiting.size());
        for (Conn c : waiting) {
            if (!isWaiting(c)) {
                continue;
            }
            if (now - c.openedAt < WELCOME_TIMEOUT_NANOS) {
                still.add(c);
            } else if (c.attempt < MAX_ATTEMPTS) {
                loop.drop(c);
                Conn again = loop.open(rotation, c.index, now);
                if (again == null) {
                    pending[0]--;
                } else {
                    again.attempt = c.attempt + 1;
                    still.add(again);
                }
            } else {
                loop.abort(c, "no welcome after " + MAX_ATTEMPTS + " connects of 2 s each");
                pending[0]--;
            }
        }
        return still;
    }

    private static boolean isWaiting(Conn c) {
        return c.phase == Phase.CONNECTING || c.phase == Phase.WELCOME;
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
