package io.inetkit.cli;

/**
 * What one {@code inet get} did, for {@code -w}: filled in as the transfer goes, read once
 * at the end. Lives for one command run.
 */
final class TransferStats {
    final long startNanos = System.nanoTime();
    long endNanos;
    int httpCode;
    long sizeDownload;
    long sizeUpload;
    String urlEffective = "";
    String contentType = "";
    int numRedirects;
    int exitCode;
    String errorMessage = "";

    /** @return seconds since the start, as curl prints them */
    double timeTotal() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }
}
