package io.inetkit.cli;

import io.inetkit.text.ConnectionClosedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/** Streams a body to the output in 64 KiB pieces, counting bytes and drawing the progress bar. */
final class BodyCopier {
    private static final int BUFFER = 64 * 1024;

    private BodyCopier() {
    }

    /**
     * Copies until the end of {@code body}.
     *
     * @param expected the expected length for the progress bar, or -1
     * @param progressTo where to draw a progress bar, or null for none
     * @throws TransferFailure exit 18 if the connection closed before the announced length
     */
    static void copy(InputStream body, OutputStream out, long expected, PrintWriter progressTo, TransferStats stats)
            throws IOException {
        copy(body, out, expected, Long.MAX_VALUE, progressTo, stats);
    }

    /**
     * Copies until the end of {@code body}, writing at most {@code limit} bytes.
     *
     * @param limit the most bytes to write (--max-filesize); one more received fails after writing {@code limit}
     * @throws TransferFailure exit 63 when the body is longer than {@code limit}; exit 18 as above
     */
    static void copy(InputStream body, OutputStream out, long expected, long limit, PrintWriter progressTo,
            TransferStats stats) throws IOException {
        copy(body, out, expected, limit, progressTo, stats, null);
    }

    /**
     * Copies as {@link #copy(InputStream, OutputStream, long, long, PrintWriter, TransferStats)},
     * reading no faster than {@code throttle} allows (--limit-rate), or at full speed when it is null.
     */
    static void copy(InputStream body, OutputStream out, long expected, long limit, PrintWriter progressTo,
            TransferStats stats, Throttle throttle) throws IOException {
        ProgressBar bar = progressTo == null ? null : new ProgressBar(progressTo, expected);
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            long written = 0;
            while ((n = body.read(buffer, 0, throttle == null ? BUFFER : throttle.piece(BUFFER))) > 0) {
                if (n > limit - written) {
                    int allowed = (int) (limit - written);
                    out.write(buffer, 0, allowed);
                    out.flush();
                    stats.sizeDownload += allowed;
                    throw new TransferFailure(ExitCode.FILESIZE_EXCEEDED,
                            "the file is larger than --max-filesize: stopped after " + limit + " bytes", null);
                }
                written += n;
                out.write(buffer, 0, n);
                stats.sizeDownload += n;
                if (bar != null) {
                    bar.update(stats.sizeDownload);
                }
                if (throttle != null) {
                    out.flush(); // what arrived is written before the pause
                    throttle.moved(n);
                }
            }
            out.flush();
        } catch (ConnectionClosedException e) {
            throw new TransferFailure(ExitCode.PARTIAL_FILE, "partial file: " + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.finish(stats.sizeDownload);
            }
        }
    }
}
