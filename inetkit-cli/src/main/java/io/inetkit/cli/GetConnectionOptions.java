package io.inetkit.cli;

import static io.inetkit.cli.OptionTable.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Path cert;
    Path key;
    List<String> resolve = new ArrayList<>();
    Double retryDelay;
    Double retryMaxTime;
    String noProxy;
    boolean ipv4;
    boolean ipv6;
    boolean tlsv12;
    boolean tlsv13;
    Path unixSocket;
    String limitRate;
    boolean retryConnRefused;
    boolean retryAllErrors;
    /** -f or --fail-with-body, set by the command's checks: --retry-all-errors then retries HTTP errors too. */
    boolean failOnHttpErrors;
    /** --limit-rate in bytes per second, set by the command's checks; 0 is no limit, as in curl. */
    long limitRateBytes;

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
                .value(names("-E", "--cert"), "FILE", Path.class, null,
                        "Client certificate: a PEM file with the certificate chain, and the private key"
                                + " unless --key is given.", v -> cert = v)
                .value(names("--key"), "FILE", Path.class, null,
                        "The client certificate's private key: an unencrypted PKCS#8 PEM file.", v -> key = v)
                .flag(names("--tlsv1.2"), "Use TLS 1.2 or later (the default minimum).", v -> tlsv12 = v)
                .flag(names("--tlsv1.3"), "Use TLS 1.3 or later: fail (exit 35) with a server that cannot.",
                        v -> tlsv13 = v)
                .value(names("-x", "--proxy"), "URL", String.class, null,
                        "Proxy (http://, socks5://, socks5h://). Default: http_proxy, https_proxy, all_proxy,"
                                + " no_proxy from the environment.", v -> proxy = v)
                .value(names("--noproxy"), "LIST", String.class, null,
                        "Hosts to reach without a proxy, comma-separated (each also matches its subdomains;"
                                + " IP addresses, CIDR ranges, HOST:PORT; * is every host). Replaces no_proxy.",
                        v -> noProxy = v)
                .list(names("--resolve"), "HOST:PORT:ADDR",
                        "Connect to ADDR (an IP address; [::1] for IPv6; several with commas) for HOST and PORT"
                                + " instead of resolving HOST (repeatable; HOST * is any host).",
                        () -> resolve, v -> resolve = v)
                .value(names("--unix-socket"), "PATH", Path.class, null,
                        "Connect through this Unix domain socket instead of the network (e.g."
                                + " /run/docker.sock); the URL's host and port only fill the Host header."
                                + " Proxies are not used.", v -> unixSocket = v)
                .flag(names("-4", "--ipv4"), "Resolve host names to IPv4 addresses only.", v -> ipv4 = v)
                .flag(names("-6", "--ipv6"), "Resolve host names to IPv6 addresses only.", v -> ipv6 = v)
                .value(names("--connect-timeout"), "SECONDS", Double.class, null, "Connect timeout (default 10).",
                        v -> connectTimeout = v)
                .value(names("-m", "--max-time"), "SECONDS", Double.class, null, "Limit for the whole transfer.",
                        v -> maxTime = v)
                .value(names("--limit-rate"), "SPEED", String.class, null,
                        "Transfer at most SPEED bytes per second (k, M, G suffixes; 0 is no limit), downloads"
                                + " and uploads each, averaged from the transfer's start.", v -> limitRate = v)
                .value(names("--retry"), "N", Integer.class, "0",
                        "Retry N times after connection failures and timeouts, and on status"
                                + " 408/429/500/502/503/504 (GET, HEAD, PUT and other idempotent requests).",
                        v -> retry = v)
                .flag(names("--retry-connrefused"), "With --retry, also retry when the connection is refused"
                        + " (inet get's --retry always does).", v -> retryConnRefused = v)
                .flag(names("--retry-all-errors"), "With --retry, retry on any failure; with -f or --fail-with-body"
                        + " also on every HTTP status of 400 or more.", v -> retryAllErrors = v)
                .value(names("--retry-delay"), "SECONDS", Double.class, null,
                        "With --retry, wait this long before each retry (instead of doubling from 0.5 s).",
                        v -> retryDelay = v)
                .value(names("--retry-max-time"), "SECONDS", Double.class, null,
                        "With --retry, start no retry later than this after the first attempt.",
                        v -> retryMaxTime = v);
    }
}
