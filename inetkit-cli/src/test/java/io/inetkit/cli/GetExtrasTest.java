package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code inet get}: retries, proxies from the environment, the progress bar. */
@Timeout(30)
class GetExtrasTest {
    @Test
    void retryRepeatsAfter503() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestHttpServer server = TestHttpServer.http().handle("/", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                TestHttpServer.respond(ex, 503, "busy");
            } else {
                TestHttpServer.respond(ex, 200, "fine now");
            }
        })) {
            CliRun r = run("get", "--retry", "2", server.url("/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("fine now");
            assertThat(calls).hasValue(2);
            calls.set(0);
            assertThat(run("get", server.url("/")).out()).isEqualTo("busy");
        }
    }

    @Test
    void environmentProxiesAreUsedUnlessNoProxyMatches() throws Exception {
        try (TestHttpServer proxy = TestHttpServer.http()
                .handle("/", ex -> TestHttpServer.respond(ex, 200, "proxied " + ex.getRequestURI()))) {
            GetConnectionOptions options = new GetConnectionOptions();
            Map<String, String> env = Map.of("http_proxy", proxy.url(""), "no_proxy", "skip.invalid");
            try (HttpClient client = GetClientFactory.build(null, options, env, new RedirectLog(), null);
                 HttpResponse r = client.send(HttpRequest.get("http://example.invalid/a"))) {
                assertThat(r.bodyString()).isEqualTo("proxied http://example.invalid/a");
            }
            try (HttpClient client = GetClientFactory.build(null, options, env, new RedirectLog(), null)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(HttpRequest.get("http://skip.invalid/")))
                        .isInstanceOf(java.net.UnknownHostException.class);
            }
        }
    }

    @Test
    void progressBarShowsPercentAndEndsTheLine() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), 2048);
        bar.update(1024);
        bar.finish(2048);
        assertThat(sw.toString()).startsWith("\r 50% [###############               ] 1.0 KiB / 2.0 KiB")
                .contains("\r100% [##############################] 2.0 KiB / 2.0 KiB").endsWith(System.lineSeparator());
        StringWriter unknown = new StringWriter();
        new ProgressBar(new PrintWriter(unknown), -1).finish(5);
        assertThat(unknown.toString()).startsWith("\r5 B  ");
        assertThat(ProgressBar.bytes(3L << 30)).isEqualTo("3.0 GiB");
    }

    @Test
    void progressIsNeverDrawnForCapturedStreams(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (TestHttpServer server = TestHttpServer.http().handle("/", ex -> TestHttpServer.respond(ex, 200, "x".repeat(100_000)))) {
            CliRun r = run("get", "-o", dir.resolve("out.bin").toString(), server.url("/"));
            assertThat(r.code()).isZero();
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void xmlrpcHasHelp() {
        assertThat(run("xmlrpc", "--help").out()).contains("Usage: inet xmlrpc").contains("fault CODE");
    }
}
