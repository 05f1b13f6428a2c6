package io.inetkit.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line download progress bar on stderr, redrawn in place with CR at most ten times a
 * second. Shown only when stderr is a terminal; see {@link GetCommand}.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /**
     * @param err where to draw
     * @param total the expected bytes, or -1 if unknown (then only bytes and speed are shown)
     */
    ProgressBar(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
    }

    /** Redraws if enough time passed. */
    void update(long done) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(done, now);
    }

    /** Draws the final state and ends the line. */
    void finish(long done) {
        if (drawn || done > 0) {
            draw(done, System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void draw(long done, long now) {
        drawn = true;
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        String speed = bytes((long) (done / seconds)) + "/s";
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            line = String.format(Locale.ROOT, "%3d%% [%s%s] %s / %s  %s",
                    Math.min(100, done * 100 / total), "#".repeat(filled), " ".repeat(WIDTH - filled),
                    bytes(done), bytes(total), speed);
        } else {
            line = String.format(Locale.ROOT, "%s  %s", bytes(done), speed);
        }
        err.print("\r" + line + "   ");
        err.flush();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
