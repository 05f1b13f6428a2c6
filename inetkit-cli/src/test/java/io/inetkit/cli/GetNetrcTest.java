package io.inetkit.cli;

import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** -n, --netrc-optional and --netrc-file against a loopback server that echoes the Basic credentials it got. */
@Timeout(60)
class GetNetrcTest {
    private static TestHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/echo", ex -> respond(ex, 200, credentials(ex.getRequestHeaders().getFirst("Authorization"))))
                .handle("/elsewhere", ex -> {
                    // the same server under another host name: another origin
                    ex.getResponseHeaders().set("Location", "http://localhost:" + ex.getLocalAddress().getPort() + "/echo");
                    respond(ex, 302, "moved");
                })
                .handle("/here", ex -> {
                    ex.getResponseHeaders().set("Location", "/echo");
                    respond(ex, 302, "moved");
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String credentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return "none";
        }
        return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    }

    private Path netrc(String text) throws IOException {
        return Files.writeString(dir.resolve("netrc"), text);
    }

    private static String withUser(String url, String userInfo) {
        return url.replace("http://", "http://" + userInfo + "@");
    }

    @Test
    void netrcFileGivesTheHostsCredentials() throws IOException {
        Path f = netrc("machine other login x password y\nmachine 127.0.0.1 login ann password \"s3 cret\"\n");
        CliRun r = CliRun.run("get", "--netrc-file", f.toString(), server.url("/echo"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("ann:s3 cret");
    }

    @Test
    void defaultEntryIsUsedForAnUnlistedHost() throws IOException {
        Path f = netrc("machine other login x password y\ndefault login anonymous password me@example.org\n");
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), server.url("/echo")).out())
                .isEqualTo("anonymous:me@example.org");
    }

    @Test
    void noEntryNoCredentials() throws IOException {
        Path f = netrc("machine other login x password y\n");
        CliRun r = CliRun.run("get", "--netrc-file", f.toString(), server.url("/echo"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("none");
    }

    @Test
    void userOptionAndUrlCredentialsWin() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password s3cret\n");
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), "-u", "bob:pw", server.url("/echo")).out())
                .isEqualTo("bob:pw");
        // the URL's own user:password is not replaced by netrc's (sent when the server asks, as without -n)
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), withUser(server.url("/echo"), "bob:pw")).out())
                .isEqualTo("none");
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), "-H", "Authorization: Bearer t", server.url("/echo"))
                .out()).isEqualTo("none");
    }

    @Test
    void urlUserTakesThatUsersPassword() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password one\nmachine 127.0.0.1 login bob password two\n");
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), withUser(server.url("/echo"), "bob")).out())
                .isEqualTo("bob:two");
        // another user's password is never sent (curl 7.88.1 sends "carl:one" here)
        assertThat(CliRun.run("get", "--netrc-file", f.toString(), withUser(server.url("/echo"), "carl")).out())
                .isEqualTo("none");
    }

    @Test
    void credentialsStayWithTheirHostAcrossRedirects() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password s3cret\n");
        assertThat(CliRun.run("get", "-L", "--netrc-file", f.toString(), server.url("/here")).out())
                .isEqualTo("ann:s3cret");
        CliRun r = CliRun.run("get", "-L", "--netrc-file", f.toString(), server.url("/elsewhere"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("none");
    }

    @Test
    void missingFileIsExit26UnlessOptional() {
        String missing = dir.resolve("nope").toString();
        CliRun r = CliRun.run("get", "--netrc-file", missing, server.url("/echo"));
        assertThat(r.code()).isEqualTo(26);
        assertThat(r.err()).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
        CliRun optional = CliRun.run("get", "--netrc-optional", "--netrc-file", missing, server.url("/echo"));
        assertThat(optional.code()).as(optional.err()).isZero();
        assertThat(optional.out()).isEqualTo("none");
    }

    @Test
    void malformedFileIsOneClearLine() throws IOException {
        Path f = netrc("machine 127.0.0.1\nlogin ann pasword s3cret\n");
        CliRun r = CliRun.run("get", "--netrc-optional", "--netrc-file", f.toString(), server.url("/echo"));
        assertThat(r.code()).isEqualTo(26);
        assertThat(r.err().strip()).startsWith("inet: cannot use the netrc file").contains("line 2")
                .doesNotContain("s3cret").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void helpListsTheOptions() {
        assertThat(CliRun.run("get", "--help").out()).contains("--netrc-optional").contains("--netrc-file").contains("-n, --netrc");
    }

    @Test
    void homeNetrcIsReadFromHomeAndMustBePrivate() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        GetRequestOptions o = new GetRequestOptions();
        o.netrc = true;
        URI uri = URI.create(server.url("/echo"));
        NetrcCredentials missing = new NetrcCredentials(o, Map.of("HOME", dir.toString()));
        assertThatThrownBy(() -> missing.userPassword(uri)).isInstanceOf(TransferFailure.class)
                .satisfies(e -> assertThat(((TransferFailure) e).exitCode()).isEqualTo(ExitCode.READ_ERROR));
        o.netrcOptional = true;
        assertThat(new NetrcCredentials(o, Map.of("HOME", dir.toString())).userPassword(uri)).isEmpty();
        Path home = Files.writeString(dir.resolve(".netrc"), "machine 127.0.0.1 login ann password s3cret\n");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new NetrcCredentials(o, Map.of("HOME", dir.toString())).userPassword(uri))
                .isInstanceOf(TransferFailure.class).hasMessageContaining("chmod 600").hasMessageNotContaining("s3cret");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rw-------"));
        assertThat(new NetrcCredentials(o, Map.of("HOME", dir.toString())).userPassword(uri)).contains("ann:s3cret");
        o.netrc = false;
        o.netrcOptional = false;
        assertThat(new NetrcCredentials(o, Map.of("HOME", dir.toString())).userPassword(uri)).isEmpty();
    }
}
