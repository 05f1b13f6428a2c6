package io.inetkit.cli;

import io.inetkit.http.CallListener;
import io.inetkit.http.Credentials;
import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpResponse;
import io.inetkit.http.Proxy;
import io.inetkit.http.ProxyEnvironment;
import io.inetkit.http.ProxySelector;
import io.inetkit.http.RetryPolicy;
import io.inetkit.net.Resolver;
import io.inetkit.net.Timeouts;
import io.inetkit.net.TlsConfig;
import io.inetkit.text.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the {@link HttpClient} for one {@code inet get} from its connection options. */
final class GetClientFactory {
    /** Decompressed bodies may be large downloads; the bound only stops decompression bombs. */
    private static final long MAX_DECOMPRESSED = 1L << 40;

    /** The statuses curl's --retry takes for transient. */
    private static final Set<Integer> CURL_TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);
    /** --retry-all-errors with -f: every status that -f fails on. */
    private static final Set<Integer> HTTP_ERRORS = IntStream.range(400, 600).boxed().collect(Collectors.toUnmodifiableSet());

    private GetClientFactory() {
    }

    /**
     * Builds the client.
     *
     * @param env the environment for proxy variables (System.getenv() in the CLI)
     * @param redirects records the redirects passed through, for -i and %{num_redirects}
     * @param verbose where the wire transcript goes, or null for none
     */
    static HttpClient build(CommandSpec spec, GetConnectionOptions o, Map<String, String> env,
            RedirectLog redirects, PrintWriter verbose) throws IOException {
        return build(spec, o, null, env, redirects, verbose, CallListener.NONE);
    }

    /**
     * Builds the client; {@code challengeCredentials} (from -u with --digest) answer 401
     * challenges, {@code listener} hears each exchange's steps (for -w's times).
     */
    static HttpClient build(CommandSpec spec, GetConnectionOptions o, Credentials challengeCredentials,
            Map<String, String> env, RedirectLog redirects, PrintWriter verbose, CallListener listener) throws IOException {
        return builder(spec, o, challengeCredentials, env, redirects, verbose, listener).build();
    }

    /** The builder {@link #build} builds, for a caller that adds a cookie jar or more links. */
    static HttpClient.Builder builder(CommandSpec spec, GetConnectionOptions o, Credentials challengeCredentials,
            Map<String, String> env, RedirectLog redirects, PrintWriter verbose, CallListener listener) throws IOException {
        if (o.maxRedirs < 0) {
            throw new IllegalArgumentException("--max-redirs must be 0 or more");
        }
        if (o.retry < 0) {
            throw new IllegalArgumentException("--retry must be 0 or more");
        }
        HttpClient.Builder b = HttpClient.builder()
                .followRedirects(o.location)
                .maxRedirects(o.maxRedirs)
                .decompression(o.compressed, MAX_DECOMPRESSED)
                .maxIdlePerHost(1)
                .callListener(verbose == null ? listener : new VerboseSteps(verbose, listener));
        Timeouts timeouts = Timeouts.DEFAULT;
        if (o.connectTimeout != null) {
            timeouts = timeouts.withConnect(Durations.ofSeconds(spec, "--connect-timeout", o.connectTimeout));
        }
        if (o.maxTime != null) {
            Duration max = Durations.ofSeconds(spec, "--max-time", o.maxTime);
            b.callTimeout(max);
            if (max.compareTo(timeouts.connect()) < 0) {
                timeouts = timeouts.withConnect(max);
            }
        }
        b.timeouts(timeouts);
        tls(b, o);
        Resolver resolver = o.resolve.isEmpty() ? Resolver.SYSTEM : ResolveOverrides.parse(o.resolve, Resolver.SYSTEM);
        if (o.ipv4 || o.ipv6) { // outermost, so --resolve's addresses are filtered too
            resolver = new AddressFamilyResolver(o.ipv4 ? AddressFamilyResolver.Family.IPV4
                    : AddressFamilyResolver.Family.IPV6, resolver);
        }
        if (resolver != Resolver.SYSTEM) {
            b.resolver(resolver);
        }
        b.proxy(proxySelector(o, env));
        if (o.unixSocket != null && !o.unixSocket.toString().isEmpty()) { // "" unsets it
            b.unixSocket(o.unixSocket); // the library then ignores the proxy, as curl does
        }
        b.credentials(challengeCredentials);
        if (o.retry > 0) {
            RetryPolicy policy = RetryPolicy.of(o.retry);
            policy = new RetryPolicy(o.retry, policy.initialBackoff(), policy.maxBackoff(),
                    o.retryAllErrors && o.failOnHttpErrors ? HTTP_ERRORS : CURL_TRANSIENT);
            if (o.retryDelay != null && o.retryDelay != 0) { // 0 is curl's default: the backoff
                policy = policy.withFixedDelay(Durations.ofSeconds(spec, "--retry-delay", o.retryDelay));
            }
            if (o.retryMaxTime != null && o.retryMaxTime != 0) { // 0 is curl's default: no bound
                policy = policy.withMaxElapsed(Durations.ofSeconds(spec, "--retry-max-time", o.retryMaxTime));
            }
            b.retry(policy);
        }
        if (verbose != null) {
            b.transcript(verboseTranscript(verbose));
        }
        b.networkInterceptor(chain -> {
            HttpResponse r = chain.proceed(chain.request());
            redirects.saw(r);
            return r;
        });
        return b;
    }

    /** -x, or the environment's variables; --noproxy replaces no_proxy in both cases, as curl. */
    private static ProxySelector proxySelector(GetConnectionOptions o, Map<String, String> env) {
        ProxySelector selector;
        if (o.proxy != null) {
            Proxy proxy = o.proxy.isEmpty() ? Proxy.DIRECT : ProxyEnvironment.parse(o.proxy);
            selector = ProxySelector.of(proxy);
        } else if (o.noProxy != null) {
            Map<String, String> withoutNoProxy = new HashMap<>(env);
            withoutNoProxy.remove("no_proxy");
            withoutNoProxy.remove("NO_PROXY");
            selector = ProxyEnvironment.selector(withoutNoProxy);
        } else {
            selector = ProxyEnvironment.selector(env);
        }
        return o.noProxy == null ? selector : ProxyEnvironment.bypassing(o.noProxy, selector);
    }

    /** -k, --cacert, the client certificate of -E/--key, and --tlsv1.3. */
    private static void tls(HttpClient.Builder b, GetConnectionOptions o) throws IOException {
        if (o.key != null && o.cert == null) {
            throw new IllegalArgumentException("--key needs --cert");
        }
        if (!o.insecure && o.cacert == null && o.cert == null && !o.tlsv13) {
            return;
        }
        TlsConfig.Builder tls = TlsConfig.builder();
        if (o.tlsv13) { // --tlsv1.2 is the library's default minimum already
            tls.minimumVersion(TlsConfig.Version.TLS_1_3);
        }
        if (o.insecure) {
            tls.insecureTrustAll();
        } else if (o.cacert != null) {
            tls.trustPem(o.cacert);
        }
        if (o.cert != null) {
            try {
                tls.keyPem(o.cert, o.key != null ? o.key : o.cert); // like curl, the key may sit in the certificate's file
            } catch (IOException e) {
                throw new TransferFailure(ExitCode.LOCAL_CERT, "cannot use the client certificate: " + e.getMessage(), e);
            }
        }
        b.tls(tls.build());
    }

    /** curl's -v look: '> ' for what we send, '< ' for what we receive, '* ' for notes. */
    static Transcript verboseTranscript(PrintWriter err) {
        return (direction, line) -> {
            if (line.startsWith("<") && line.endsWith(">")) {
                err.println("* " + line.substring(1, line.length() - 1));
            } else if (line.startsWith("<") && line.contains(" bytes")) {
                err.println("* " + line.substring(1));
            } else {
                err.println((direction == Transcript.Direction.SENT ? "> " : "< ") + line);
            }
            err.flush();
        };
    }
}
