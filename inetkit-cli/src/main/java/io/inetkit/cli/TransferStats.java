package io.inetkit.cli;

import io.inetkit.http.Headers;

/**
 * What one transfer (one URL) of {@code inet get} did, for {@code -w}: filled in as the
 * transfer goes, read once at its end. Each URL of a command has its own, so its times run
 * from its own start, as curl's do.
 */
final class TransferStats {
    final long startNanos = System.nanoTime();
    /** The steps of the connection and exchange, heard from the client. */
    final TransferTimer timer = new TransferTimer(startNanos);
    long endNanos;
    int httpCode;
    long sizeDownload;
    long sizeUpload;
    String url = "";
    String urlEffective = "";
    String method = "";
    String scheme = "";
    String httpVersion = "";
    String redirectUrl = "";
    String filenameEffective = "";
    String contentType = "";
    /** The final response's header fields, or null before one arrived. */
    Headers headers;
    int numRedirects;
    int exitCode;
    String errorMessage = "";

    /** @return seconds since the start, as curl prints them */
    double timeTotal() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }
}
