package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get --limit-rate}: downloads and uploads take at least size / rate. */
@Timeout(30)
class GetLimitRateTest {
    static final int SIZE = 30_000;
    static final byte[] BODY = new byte[SIZE];
    static TestHttpServer server;
    static final AtomicLong uploadNanos = new AtomicLong();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        Arrays.fill(BODY, (byte) 'x');
        server = TestHttpServer.http()
                .handle("/big", ex -> respond(ex, 200, BODY))
                .handle("/upload", ex -> {
                    long start = System.nanoTime(); // the head has arrived; the body is paced
                    byte[] got = ex.getRequestBody().readAllBytes();
                    uploadNanos.set(System.nanoTime() - start);
                    respond(ex, 200, "got " + got.length);
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDownloadTakesAtLeastSizeOverRate() throws IOException {
        Path file = dir.resolve("big");
        long start = System.nanoTime();
        CliRun r = run("get", "--limit-rate", "20k", "-o", file.toString(), "-w", "%{size_download}", server.url("/big"));
        long took = System.nanoTime() - start;
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Integer.toString(SIZE));
        assertThat(Files.size(file)).isEqualTo(SIZE);
        assertThat(took).isGreaterThanOrEqualTo(SIZE * 1_000_000_000L / 20_480 - 50_000_000L); // 1.46 s, less a margin
    }

    @Test
    void anUploadTakesAtLeastSizeOverRate() throws IOException {
        Path file = Files.write(dir.resolve("up"), BODY);
        long start = System.nanoTime();
        CliRun r = run("get", "--limit-rate", "20480", "--data-binary", "@" + file, server.url("/upload"));
        long took = System.nanoTime() - start;
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("got " + SIZE);
        assertThat(took).isGreaterThanOrEqualTo(SIZE * 1_000_000_000L / 20_480 - 50_000_000L);
        // the server, which starts timing only once its handler runs, saw the body trickle in
        assertThat(uploadNanos.get()).isGreaterThanOrEqualTo(500_000_000L);
    }

    @Test
    void badRatesAreUsageErrorsAndZeroIsNoLimit() {
        CliRun bad = run("get", "--limit-rate", "fast", server.url("/big"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit-rate");
        CliRun none = run("get", "--limit-rate", "0", "-w", "%{size_download}", "-o", dir.resolve("x").toString(),
                server.url("/big"));
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEqualTo(Integer.toString(SIZE));
    }
}
