package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** How {@code inet get} connects: redirects, TLS, proxy, timeouts, retries (curl's names). */
final class GetConnectionOptions {
    boolean location;
    int maxRedirs = 50;
    boolean compressed;
    boolean insecure;
    Path cacert;
    String proxy;
    Double connectTimeout;
    Double maxTime;
    int retry;

    /** Declares these options on {@code inet get}'s spec, bound to this object's fields. */
    void declare(CommandSpec spec) {
        new OptionTable(spec)
                .flag(names("-L", "--location"), "Follow redirects (off by default, as in curl).", v -> location = v)
                .value(names("--max-redirs"), "N", Integer.class, "50",
                        "Most redirects to follow with -L (default: ${DEFAULT-VALUE}); more is exit 47.", v -> maxRedirs = v)
                .flag(names("--compressed"), "Ask for gzip/deflate and decompress the body.", v -> compressed = v)
                .flag(names("-k", "--insecure"), "Do not verify the server's certificate or host name.", v -> insecure = v)
                .value(names("--cacert"), "FILE", Path.class, null,
                        "Trust only the CA certificates in this PEM file.", v -> cacert = v)
                .value(names("-x", "--proxy"), "URL", String.class, null,
                        "Proxy (http://, socks5://, socks5h://). Default: http_proxy, https_proxy, all_proxy,"
                                + " no_proxy from the environment.", v -> proxy = v)
                .value(names("--connect-timeout"), "SECONDS", Double.class, null, "Connect timeout (default 10).",
                        v -> connectTimeout = v)
                .value(names("-m", "--max-time"), "SECONDS", Double.class, null, "Limit for the whole transfer.",
                        v -> maxTime = v)
                .value(names("--retry"), "N", Integer.class, "0",
                        "Retry N times after connection failures and 408/429/502/503/504.", v -> retry = v);
    }
}
