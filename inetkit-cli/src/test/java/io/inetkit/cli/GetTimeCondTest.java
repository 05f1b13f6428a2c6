package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get -z} (If-Modified-Since, If-Unmodified-Since) and {@code -R} (the file gets Last-Modified). */
@Timeout(30)
class GetTimeCondTest {
    static final String LAST_MODIFIED = "Wed, 01 Sep 2021 12:18:00 GMT";
    static final Instant LAST_MODIFIED_TIME = Instant.parse("2021-09-01T12:18:00Z");
    static TestHttpServer server;
    /** The conditional header each request carried ("none" if none). */
    static final List<String> conditions = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/doc", ex -> { // honours If-Modified-Since as a server should
                    String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
                    String ius = ex.getRequestHeaders().getFirst("If-Unmodified-Since");
                    conditions.add(ims != null ? "IMS " + ims : ius != null ? "IUS " + ius : "none");
                    ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                    if (ims != null && !CurlDate.parse(ims).orElseThrow().isBefore(LAST_MODIFIED_TIME)) {
                        respond(ex, 304, "");
                    } else {
                        respond(ex, 200, "the document");
                    }
                })
                .handle("/careless", ex -> { // ignores every condition
                    ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                    respond(ex, 200, "careless document");
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        conditions.clear();
    }

    @Test
    void remoteTimeThenTimeCondFromTheFileSavesNothingTheSecondTime() throws IOException {
        Path file = dir.resolve("doc.txt");
        CliRun first = run("get", "-R", "-o", file.toString(), "-z", "1 Sep 2021 12:17", server.url("/doc"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo("the document");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(LAST_MODIFIED_TIME);
        assertThat(conditions).containsExactly("IMS Wed, 01 Sep 2021 12:17:00 GMT");

        Files.writeString(file, "kept"); // a 304 must leave the file alone, content and time
        Files.setLastModifiedTime(file, FileTime.from(LAST_MODIFIED_TIME));
        CliRun second = run("get", "-R", "-o", file.toString(), "-z", file.toString(), "-w", "%{http_code}",
                server.url("/doc"));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("304");
        assertThat(conditions).last().isEqualTo("IMS " + LAST_MODIFIED);
        assertThat(Files.readString(file)).isEqualTo("kept");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(LAST_MODIFIED_TIME);
    }

    @Test
    void aLeadingDashAsksForAnOlderDocument() {
        CliRun r = run("get", "-z", "-Sun Nov  6 08:49:37 1994", "-w", " %{http_code}", server.url("/doc"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(conditions).containsExactly("IUS Sun, 06 Nov 1994 08:49:37 GMT");
        // the server ignored it, but its Last-Modified (2021) is not older: nothing written, as curl's "simulated 304"
        assertThat(r.out()).isEqualTo(" 304");
    }

    @Test
    void aServerIgnoringTheConditionIsHeldToItsLastModified() throws IOException {
        Path file = Files.writeString(dir.resolve("c.txt"), "kept");
        CliRun newer = run("get", "-z", "20220101", "-o", file.toString(), "-w", "%{http_code}", server.url("/careless"));
        assertThat(newer.code()).isZero();
        assertThat(newer.out()).isEqualTo("304");
        assertThat(Files.readString(file)).isEqualTo("kept");
        CliRun older = run("get", "-z", "2020-01-01", "-o", file.toString(), server.url("/careless"));
        assertThat(older.code()).isZero();
        assertThat(Files.readString(file)).isEqualTo("careless document");
    }

    @Test
    void neitherADateNorAFileWarnsAndFetchesWithoutCondition() {
        CliRun r = run("get", "-z", dir.resolve("no-such-file").toString(), server.url("/doc"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("the document");
        assertThat(r.err()).startsWith("inet: warning: -z").contains("neither a date nor an existing file");
        assertThat(conditions).containsExactly("none");
    }

    @Test
    void remoteTimeWithoutLastModifiedOrToStdoutChangesNothing() throws IOException {
        CliRun r = run("get", "-R", server.url("/doc"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("the document");
    }

    @Test
    void curlDateReadsCurlsFormsAndIso() {
        Instant sep1 = Instant.parse("2021-09-01T12:18:00Z");
        for (String form : List.of("Wed, 01 Sep 2021 12:18:00 GMT", "Wed 01 Sep 2021 12:18:00", "1 Sep 2021 12:18",
                "12:18:00 1 sep 2021 UTC", "Wednesday, 01-Sep-21 12:18:00 GMT", "Wed Sep  1 12:18:00 2021",
                "Wed, 01 Sep 2021 14:18:00 +0200", "2021-09-01T12:18:00Z", "2021-09-01T14:18:00+02:00",
                "September 1 2021 12:18")) {
            assertThat(CurlDate.parse(form)).as(form).contains(sep1);
        }
        assertThat(CurlDate.parse("20210901")).contains(Instant.parse("2021-09-01T00:00:00Z"));
        assertThat(CurlDate.parse("2021-09-01")).contains(Instant.parse("2021-09-01T00:00:00Z"));
        for (String bad : List.of("", "yesterday", "31 Feb 2021", "1 Sep", "Sep 2021 12:18", "1 Sep 2021 25:00",
                "1 Sep 2021 12:18 Mars", "x".repeat(300))) {
            assertThat(CurlDate.parse(bad)).as(bad).isEmpty();
        }
        assertThat(CurlDate.http(sep1)).isEqualTo("Wed, 01 Sep 2021 12:18:00 GMT");
    }
}
