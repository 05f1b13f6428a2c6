package io.inetkit.cli;

import io.inetkit.url.FileSchemeHandler;
import io.inetkit.url.OpenedUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/**
 * {@code inet get file:///...}: a local file or directory listing through the library's
 * {@link FileSchemeHandler} (as curl reads file URLs), written like an HTTP body.
 */
final class FileFetch {
    private FileFetch() {
    }

    /** @param limitRate --limit-rate in bytes per second, 0 for none */
    static void run(URI uri, OutputTarget target, PrintWriter progressTo, TransferStats stats, long limitRate)
            throws IOException {
        OpenedUrl opened;
        try {
            opened = new FileSchemeHandler().open(uri);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            throw new TransferFailure(ExitCode.READ_FILE, "could not read " + uri.getPath() + ": " + why, e);
        }
        try (opened; GuardedOutput out = target.open(false)) {
            stats.contentType = opened.contentType() == null ? "" : opened.contentType();
            BodyCopier.copy(opened.body(), out, opened.contentLength(), Long.MAX_VALUE, progressTo, stats,
                    limitRate > 0 ? new Throttle(limitRate) : null);
        }
    }
}
