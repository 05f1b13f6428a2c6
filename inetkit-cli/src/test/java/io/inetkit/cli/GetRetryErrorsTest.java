package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code inet get --retry-all-errors}, {@code --retry-connrefused} and --retry's 500. */
@Timeout(30)
class GetRetryErrorsTest {

    /** A server whose first answer is {@code firstStatus}, then 200 "done". */
    private static TestHttpServer flaky(int firstStatus, AtomicInteger count) throws IOException {
        return TestHttpServer.http().handle("/", ex -> {
            boolean first = count.incrementAndGet() == 1;
            respond(ex, first ? firstStatus : 200, first ? "failed" : "done");
        });
    }

    @Test
    void retryAllErrorsWithFailRetriesA404() throws IOException {
        AtomicInteger count = new AtomicInteger();
        try (TestHttpServer server = flaky(404, count)) {
            CliRun r = run("get", "-f", "--retry", "2", "--retry-delay", "0.1", "--retry-all-errors", server.url("/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("done");
            assertThat(count.get()).isEqualTo(2);
        }
    }

    @Test
    void withoutRetryAllErrorsOrWithoutFailA404IsFinal() throws IOException {
        AtomicInteger count = new AtomicInteger();
        try (TestHttpServer server = flaky(404, count)) {
            CliRun failed = run("get", "-f", "--retry", "2", "--retry-delay", "0.1", server.url("/"));
            assertThat(failed.code()).isEqualTo(22);
            assertThat(count.get()).isEqualTo(1);
        }
        AtomicInteger again = new AtomicInteger();
        try (TestHttpServer server = flaky(404, again)) {
            // as curl: without -f a 404 is a successful transfer, so nothing to retry
            CliRun noFail = run("get", "--retry", "2", "--retry-delay", "0.1", "--retry-all-errors", server.url("/"));
            assertThat(noFail.code()).isZero();
            assertThat(noFail.out()).isEqualTo("failed");
            assertThat(again.get()).isEqualTo(1);
        }
    }

    @Test
    void retryTakesA500ForTransientAsCurl() throws IOException {
        AtomicInteger count = new AtomicInteger();
        try (TestHttpServer server = flaky(500, count)) {
            CliRun r = run("get", "--retry", "1", "--retry-delay", "0.1", server.url("/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("done");
            assertThat(count.get()).isEqualTo(2);
        }
    }

    @Test
    void retryConnRefusedRetriesARefusedConnection() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        long start = System.nanoTime();
        CliRun r = run("get", "--retry", "2", "--retry-delay", "0.3", "--retry-connrefused", "http://127.0.0.1:" + closed + "/");
        assertThat(r.code()).isEqualTo(7);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(600_000_000L); // two waits: two retries
        assertThat(r.err()).startsWith("inet: ").hasLineCount(1);
    }
}
