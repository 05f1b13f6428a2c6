package io.inetkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code inet get} connects: redirects, TLS, proxy, timeouts, retries (curl's names). */
final class GetConnectionOptions {
    @Option(names = {"-L", "--location"}, description = "Follow redirects (off by default, as in curl).")
    boolean location;

    @Option(names = "--max-redirs", paramLabel = "N", defaultValue = "50",
            description = "Most redirects to follow with -L (default: ${DEFAULT-VALUE}); more is exit 47.")
    int maxRedirs;

    @Option(names = "--compressed", description = "Ask for gzip/deflate and decompress the body.")
    boolean compressed;

    @Option(names = {"-k", "--insecure"}, description = "Do not verify the server's certificate or host name.")
    boolean insecure;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file.")
    Path cacert;

    @Option(names = {"-x", "--proxy"}, paramLabel = "URL",
            description = "Proxy (http://, socks5://, socks5h://). Default: http_proxy, https_proxy, all_proxy,"
                    + " no_proxy from the environment.")
    String proxy;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Connect timeout (default 10).")
    Double connectTimeout;

    @Option(names = {"-m", "--max-time"}, paramLabel = "SECONDS", description = "Limit for the whole transfer.")
    Double maxTime;

    @Option(names = "--retry", paramLabel = "N", defaultValue = "0",
            description = "Retry N times after connection failures and 408/429/502/503/504.")
    int retry;
}
