package io.inetkit.cli;

import static io.inetkit.cli.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.inetkit.http.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** -n, --netrc-optional and --netrc-file against a loopback server that echoes the Basic credentials it got. */
@Timeout(60)
class GetNetrcTest {
    private static TestHttpServer server;
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestHttpServer.http()
                .handle("/echo", ex -> {
                    String creds = credentials(ex.getRequestHeaders().getFirst("Authorization"));
                    seen(ex, creds);
                    respond(ex, 200, creds);
                })
                .handle("/digest", GetNetrcTest::digest)
                .handle("/digest-elsewhere", ex -> {
                    seen(ex, String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                    ex.getResponseHeaders().set("Location", "http://localhost:" + ex.getLocalAddress().getPort() + "/digest");
                    respond(ex, 302, "moved");
                })
                .handle("/elsewhere", ex -> {
                    seen(ex, credentials(ex.getRequestHeaders().getFirst("Authorization")));
                    // the same server under another host name: another origin
                    ex.getResponseHeaders().set("Location", "http://localhost:" + ex.getLocalAddress().getPort() + "/echo");
                    respond(ex, 302, "moved");
                })
                .handle("/basic-only", ex -> {
                    String auth = ex.getRequestHeaders().getFirst("Authorization");
                    seen(ex, auth == null ? "none" : credentials(auth));
                    if (auth == null) {
                        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"t\"");
                        respond(ex, 401, "who are you");
                    } else {
                        respond(ex, 200, "basic ok");
                    }
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

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    /** Records "host path credentials" for a request. */
    private static void seen(HttpExchange ex, String credentials) {
        String host = ex.getRequestHeaders().getFirst("Host").replaceAll(":\\d+$", "");
        SEEN.add(host + " " + ex.getRequestURI().getPath() + " " + credentials);
    }

    /** Digest (MD5, qop=auth, realm "t") for ann:s3cret and lou:two, the response checked; records the user. */
    private static void digest(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, String> p = new HashMap<>();
        if (auth != null && auth.startsWith("Digest ")) {
            Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(auth.substring(7));
            while (m.find()) {
                p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        seen(ex, auth == null ? "none" : auth.startsWith("Digest ") ? "digest " + p.get("username") : auth);
        String password = Map.of("ann", "s3cret", "lou", "two").get(String.valueOf(p.get("username")));
        if (password != null && "n1".equals(p.get("nonce"))) {
            String ha1 = md5(p.get("username") + ":t:" + password);
            String ha2 = md5(ex.getRequestMethod() + ":" + ex.getRequestURI());
            String expected = md5(ha1 + ":n1:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
            if (expected.equals(p.get("response"))) {
                respond(ex, 200, "digest ok " + p.get("username"));
                return;
            }
        }
        ex.getResponseHeaders().set("WWW-Authenticate", "Digest realm=\"t\", nonce=\"n1\", qop=\"auth\", algorithm=MD5");
        respond(ex, 401, "who are you");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        SEEN.clear();
        CliRun r = CliRun.run("get", "-L", "--netrc-file", f.toString(), server.url("/elsewhere"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("none");
        assertThat(SEEN).containsExactly("127.0.0.1 /elsewhere ann:s3cret", "localhost /echo none");
    }

    @Test
    void theRedirectedToHostGetsItsOwnEntry() throws IOException {
        // as curl: the netrc file is looked up again for each host a redirect leads to
        Path f = netrc("machine 127.0.0.1 login ann password one\nmachine localhost login lou password two\n");
        CliRun r = CliRun.run("get", "-L", "--netrc-file", f.toString(), server.url("/elsewhere"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("lou:two");
        assertThat(SEEN).containsExactly("127.0.0.1 /elsewhere ann:one", "localhost /echo lou:two");
    }

    @Test
    void anEmptyDefaultOrPasswordlessEntryNeverGetsTheFirstHostsPassword() throws IOException {
        // curl's CVE-2025-0167 (a bare default) and CVE-2024-11053 (a login without password)
        Path bare = netrc("machine 127.0.0.1 login ann password s3cret\ndefault\n");
        assertThat(CliRun.run("get", "-L", "--netrc-file", bare.toString(), server.url("/elsewhere")).out())
                .isEqualTo("none");
        Path loginOnly = netrc("machine 127.0.0.1 login ann password s3cret\nmachine localhost login lou\n");
        assertThat(CliRun.run("get", "-L", "--netrc-file", loginOnly.toString(), server.url("/elsewhere")).out())
                .isEqualTo("lou:");
        Path defaultLogin = netrc("machine 127.0.0.1 login ann password s3cret\ndefault login anonymous\n");
        assertThat(CliRun.run("get", "-L", "--netrc-file", defaultLogin.toString(), server.url("/elsewhere")).out())
                .isEqualTo("anonymous:");
        assertThat(SEEN).filteredOn(s -> s.startsWith("localhost")).noneMatch(s -> s.contains("s3cret"))
                .hasSize(3);
    }

    @Test
    void anAuthorizationHeaderWinsOnItsHostOnly() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password one\nmachine localhost login lou password two\n");
        String mine = "Authorization: Basic " + Base64.getEncoder().encodeToString("me:mine".getBytes(StandardCharsets.UTF_8));
        CliRun r = CliRun.run("get", "-L", "--netrc-file", f.toString(), "-H", mine, server.url("/elsewhere"));
        assertThat(r.out()).as(r.err()).isEqualTo("lou:two");
        assertThat(SEEN).containsExactly("127.0.0.1 /elsewhere me:mine", "localhost /echo lou:two");
    }

    @Test
    void digestTakesTheNetrcCredentials() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password s3cret\n");
        CliRun r = CliRun.run("get", "--digest", "--netrc-file", f.toString(), server.url("/digest"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("digest ok ann");
        assertThat(SEEN).containsExactly("127.0.0.1 /digest none", "127.0.0.1 /digest digest ann"); // no Basic first
        Path wrong = netrc("machine 127.0.0.1 login ann password wrong\n");
        assertThat(CliRun.run("get", "--digest", "--netrc-file", wrong.toString(), "-w", " %{http_code}",
                server.url("/digest")).out()).endsWith(" 401");
    }

    @Test
    void digestNeverSendsThePasswordToAServerAskingForBasic() throws IOException {
        // curl's --digest: Digest or nothing, so a server (or a man in the middle) asking for Basic gets no password
        Path f = netrc("machine 127.0.0.1 login ann password s3cret\n");
        CliRun viaNetrc = CliRun.run("get", "--digest", "--netrc-file", f.toString(), "-w", " %{http_code}",
                server.url("/basic-only"));
        assertThat(viaNetrc.code()).as(viaNetrc.err()).isZero();
        assertThat(viaNetrc.out()).isEqualTo("who are you 401");
        CliRun viaUser = CliRun.run("get", "--digest", "-u", "ann:s3cret", "-f", server.url("/basic-only"));
        assertThat(viaUser.code()).isEqualTo(22);
        assertThat(SEEN).containsExactly("127.0.0.1 /basic-only none", "127.0.0.1 /basic-only none");
    }

    @Test
    void digestAfterARedirectAnswersWithTheNewHostsEntry() throws IOException {
        Path f = netrc("machine 127.0.0.1 login ann password s3cret\nmachine localhost login lou password two\n");
        CliRun r = CliRun.run("get", "-L", "--digest", "--netrc-file", f.toString(), server.url("/digest-elsewhere"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("digest ok lou");
        assertThat(SEEN).containsExactly("127.0.0.1 /digest-elsewhere null", "localhost /digest none",
                "localhost /digest digest lou");
    }

    @Test
    void userWithoutPasswordIsStillAUsageErrorWithAHint() throws IOException {
        // curl prompts for the password here, also with -n (checked with curl 7.88.1); we never prompt
        Path f = netrc("machine 127.0.0.1 login bob password two\n");
        CliRun r = CliRun.run("get", "--netrc-file", f.toString(), "-u", "bob", server.url("/echo"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-u needs USER:PASSWORD").contains("http://USER@HOST/");
        assertThat(SEEN).isEmpty();
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
        assertThatThrownBy(missing::load).isInstanceOf(TransferFailure.class)
                .satisfies(e -> assertThat(((TransferFailure) e).exitCode()).isEqualTo(ExitCode.READ_ERROR));
        o.netrcOptional = true;
        assertThat(loaded(o).lookup(uri)).isNull();
        Path home = Files.writeString(dir.resolve(".netrc"), "machine 127.0.0.1 login ann password s3cret\n");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> loaded(o))
                .isInstanceOf(TransferFailure.class).hasMessageContaining("chmod 600").hasMessageNotContaining("s3cret");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rw-------"));
        assertThat(loaded(o).lookup(uri)).isEqualTo(new Credentials("ann", "s3cret"));
        o.netrc = false;
        o.netrcOptional = false;
        assertThat(loaded(o).lookup(uri)).isNull();
    }

    private NetrcCredentials loaded(GetRequestOptions o) throws TransferFailure {
        NetrcCredentials c = new NetrcCredentials(o, Map.of("HOME", dir.toString()));
        c.load();
        return c;
    }
}
