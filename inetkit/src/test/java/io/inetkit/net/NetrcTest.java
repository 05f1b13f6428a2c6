package io.inetkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {

    @TempDir
    Path dir;

    private static String login(Netrc n, String host) {
        return n.find(host).flatMap(NetrcEntry::login).orElse(null);
    }

    private static String password(Netrc n, String host) {
        return n.find(host).flatMap(NetrcEntry::password).orElse(null);
    }

    @Test
    void entriesMaySpanLinesOrShareOne() throws IOException {
        Netrc n = Netrc.parse("machine a login la password pa machine b\n  login lb\n\tpassword pb\r\n"
                + "machine c login lc account ac password pc\n");
        assertThat(login(n, "a")).isEqualTo("la");
        assertThat(password(n, "a")).isEqualTo("pa");
        assertThat(password(n, "b")).isEqualTo("pb");
        assertThat(n.find("c").flatMap(NetrcEntry::account)).contains("ac");
        assertThat(n.find("nope")).isEmpty();
        assertThat(n.entries()).extracting(NetrcEntry::line).containsExactly(1, 1, 4);
    }

    @Test
    void defaultIsUsedWhenNoMachineMatches() throws IOException {
        Netrc n = Netrc.parse("machine a login la password pa\ndefault login anonymous password me@example.org\n");
        assertThat(login(n, "a")).isEqualTo("la");
        assertThat(login(n, "other")).isEqualTo("anonymous");
        assertThat(n.find("other").orElseThrow().isDefault()).isTrue();
    }

    @Test
    void defaultMustBeLast() {
        assertThatThrownBy(() -> Netrc.parse("default login x password y\nmachine a login a password b\n"))
                .isInstanceOf(NetrcException.class).hasMessageContaining("line 2").hasMessageContaining("default must be last");
        assertThatThrownBy(() -> Netrc.parse("default login x\ndefault login y\n"))
                .isInstanceOf(NetrcException.class).hasMessageContaining("line 2");
        // a macdef may follow it
        assertThat(assertParses("default login x\nmacdef init\ncd /\n\n").entries()).hasSize(1);
    }

    @Test
    void hostsIgnoreCaseAndTheFirstEntryWins() throws IOException {
        Netrc n = Netrc.parse("MACHINE Example.ORG Login first PASSWORD one\nmachine example.org login second password two\n");
        assertThat(login(n, "example.org")).isEqualTo("first");
        assertThat(n.find("EXAMPLE.org", "second").flatMap(NetrcEntry::password)).contains("two");
        assertThat(n.find("example.org", "third")).isEmpty();
    }

    @Test
    void findWithLoginFallsBackToADefaultWithThatLogin() throws IOException {
        Netrc n = Netrc.parse("machine a login la password pa\ndefault login d password pd\n");
        assertThat(n.find("b", "d").flatMap(NetrcEntry::password)).contains("pd");
        assertThat(n.find("b", "x")).isEmpty();
        assertThat(n.find("a", "d").flatMap(NetrcEntry::password)).contains("pd");
    }

    @Test
    void macdefSkipsLinesUpToAnEmptyLine() throws IOException {
        Netrc n = Netrc.parse("macdef init\nmachine evil login x password y\r\ncd /pub\n\r\nmachine a login la password pa\n"
                + "macdef last\nbin\n");
        assertThat(n.entries()).hasSize(1);
        assertThat(login(n, "a")).isEqualTo("la");
        assertThat(n.find("evil")).isEmpty();
        assertThat(n.entries().getFirst().line()).isEqualTo(5);
    }

    @Test
    void commentsStartWhereAKeywordIsExpected() throws IOException {
        Netrc n = Netrc.parse("# my hosts\n#no space here\nmachine a # the build box\n login la #comment password no\n"
                + " password #notacomment\n");
        assertThat(login(n, "a")).isEqualTo("la");
        assertThat(password(n, "a")).isEqualTo("#notacomment");
    }

    @Test
    void quotedWordsTakeEscapes() throws IOException {
        Netrc n = Netrc.parse("machine a login \"my user\" password \"a \\\"b\\\" \\\\ c\\td#\"\n"
                + "machine b login \"machine\" password \"\"\n");
        assertThat(login(n, "a")).isEqualTo("my user");
        assertThat(password(n, "a")).isEqualTo("a \"b\" \\ c\td#");
        assertThat(login(n, "b")).isEqualTo("machine");
        assertThat(password(n, "b")).isEmpty();
    }

    @Test
    void unquotedBackslashesAreLiteral() throws IOException {
        assertThat(login(Netrc.parse("machine a login DOMAIN\\user password p\\\"q\n"), "a")).isEqualTo("DOMAIN\\user");
    }

    @Test
    void keywordsAsValuesAndMissingParts() throws IOException {
        Netrc n = Netrc.parse("machine a login password password login\nmachine b login only\nmachine c\n");
        assertThat(login(n, "a")).isEqualTo("password");
        assertThat(password(n, "a")).isEqualTo("login");
        assertThat(password(n, "b")).isNull();
        assertThat(n.find("c")).hasValueSatisfying(e -> assertThat(e.login()).isEmpty());
    }

    @Test
    void errorsNameTheLineButNoWord() {
        assertError("machine a login u\npassword my secret\n", 2);
        assertError("machine a login u pasword secret\n", 1);
        assertError("secret machine a\n", 1);
        assertError("machine a login u password \"open secret\nmore\n", 1);
        assertError("machine a login u password \"secret\\\n", 1);
        assertError("machine a login u\n\n password", 3);
        assertError("machine", 1);
    }

    private static void assertError(String text, int line) {
        assertThatThrownBy(() -> Netrc.parse(text)).isInstanceOf(NetrcException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((NetrcException) e).line()).isEqualTo(line));
    }

    @Test
    void boundsAreEnforced() {
        assertThatThrownBy(() -> Netrc.parse("machine a password " + "x".repeat(Netrc.MAX_WORD + 1)))
                .isInstanceOf(NetrcException.class).hasMessageContaining("longer than");
        assertThat(assertParses("machine a password " + "x".repeat(Netrc.MAX_WORD)).entries()).hasSize(1);
        assertThatThrownBy(() -> Netrc.parse("machine a\n".repeat(Netrc.MAX_ENTRIES + 1)))
                .isInstanceOf(NetrcException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> Netrc.parse("#".repeat(Netrc.MAX_SIZE + 1)))
                .isInstanceOf(NetrcException.class).hasMessageContaining("larger than");
    }

    @Test
    void loadChecksSizeEncodingAndExistence() throws IOException {
        Path big = dir.resolve("big");
        Files.write(big, new byte[Netrc.MAX_SIZE + 1]);
        assertThatThrownBy(() -> Netrc.load(big)).isInstanceOf(NetrcException.class).hasMessageContaining("larger than");
        Path latin = dir.resolve("latin");
        Files.write(latin, new byte[] {'m', 'a', 'c', 'h', 'i', 'n', 'e', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> Netrc.load(latin)).isInstanceOf(NetrcException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Netrc.load(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "machine a\nlogin u pasword hunter2\n");
        assertThatThrownBy(() -> Netrc.load(bad)).isInstanceOf(NetrcException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("line 2").hasMessageNotContaining("hunter2");
    }

    @Test
    void ownerOnlyRefusesAFileOthersMayRead() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path file = dir.resolve("netrc");
        Files.writeString(file, "machine a login u password p\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Netrc.load(file).find("a")).isPresent(); // curl's way: no check
        assertThatThrownBy(() -> Netrc.load(file, NetrcFileCheck.OWNER_ONLY)).isInstanceOf(NetrcException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining("password p");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(Netrc.load(file, NetrcFileCheck.OWNER_ONLY).find("a")).isPresent();
        // no secret, or only anonymous ones: nothing to protect (Python: anonymous only)
        Path open = dir.resolve("open");
        Files.writeString(open, "machine a login u\ndefault login anonymous password me@example.org\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Netrc.load(open, NetrcFileCheck.OWNER_ONLY).entries()).hasSize(2);
    }

    @Test
    void toStringMasksSecrets() throws IOException {
        NetrcEntry e = Netrc.parse("machine a login u password hunter2 account acct9\n").find("a").orElseThrow();
        assertThat(e.toString()).contains("u").doesNotContain("hunter2").doesNotContain("acct9");
    }

    /** Files both curl and Python's netrc read alike; each is compared with Python for every host listed. */
    static final Map<String, String> AGREED = new LinkedHashMap<>();

    static {
        AGREED.put("simple", "machine h1 login l1 password p1\n");
        AGREED.put("lines", "machine h1\n\tlogin l1\n\tpassword p1\n\nmachine h2\n  login l2\n  password p2\n");
        AGREED.put("oneline", "machine h1 login l1 password p1 machine h2 login l2 password p2\n");
        AGREED.put("default", "machine h1 login l1 password p1\ndefault login anonymous password guest@\n");
        AGREED.put("macdef", "machine h1 login l1 password p1\nmacdef init\ncd /pub\nbinary\n\nmachine h2 login l2 password p2\n");
        AGREED.put("comments", "# hosts\nmachine h1 login l1 # about h1\npassword p1\n# end\n");
        AGREED.put("quoted", "machine h1 login \"a b\" password \"x \\\"y\\\" \\\\z\"\nmachine h2 login \"\" password \"#q\"\n");
        AGREED.put("hashvalue", "machine h1 login l1 password #p1\n");
        AGREED.put("account", "machine h1 login l1 account a1 password p1\nmachine h2 account a2 login l2\n");
        AGREED.put("crlf", "machine h1 login l1 password p1\r\nmachine h2 login l2 password p2\r\n");
        AGREED.put("user", "machine h1 user l1 password p1\n");
        AGREED.put("loginonly", "machine h1 login l1\nmachine h2 password p2\n");
        AGREED.put("keywordvalues", "machine h1 login password password machine\nmachine h2 login default\n");
        AGREED.put("unicode", "machine h1 login jürgen password pässwörd€\n");
        AGREED.put("ipv6", "machine ::1 login l1 password p1\nmachine 127.0.0.1 login l2 password p2\n");
        AGREED.put("empty", "");
        AGREED.put("onlycomments", "# nothing\n# here\n");
        AGREED.put("macdefdefault", "macdef init\nmachine h1 login evil password evil\n\ndefault login d password pd\n");
    }

    static final List<String> HOSTS = List.of("h1", "h2", "h3", "::1", "127.0.0.1");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void agreesWithPythonsNetrcModule() throws Exception {
        Optional<Path> python = findPython();
        Assumptions.assumeTrue(python.isPresent(), "python3 is not installed: the comparison with Python's netrc is skipped");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (Map.Entry<String, String> e : AGREED.entrySet()) {
            Files.writeString(corpus.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        Map<String, String> py = runPython(python.get(), corpus, new ArrayList<>(AGREED.keySet()));
        List<String> mismatches = new ArrayList<>();
        for (String name : AGREED.keySet()) {
            Netrc n = Netrc.load(corpus.resolve(name));
            for (String host : HOSTS) {
                String ours = n.find(host).map(e -> b64(e.login().orElse("")) + " " + b64(e.password().orElse(""))
                        + " " + b64(e.account().orElse(""))).orElse("NONE");
                String theirs = py.get(name + " " + host);
                if (!ours.equals(theirs)) {
                    mismatches.add(name + " " + host + ": ours " + ours + ", Python " + theirs);
                }
            }
        }
        assertThat(py).hasSize(AGREED.size() * HOSTS.size());
        assertThat(mismatches).isEmpty();
    }

    /** Where we follow curl and Python differs (each is documented in Netrc's Javadoc). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void differsFromPythonWhereDocumented() throws Exception {
        Optional<Path> python = findPython();
        Assumptions.assumeTrue(python.isPresent(), "python3 is not installed: the comparison with Python's netrc is skipped");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("duplicate", "machine h1 login first password one\nmachine h1 login second password two\n");
        files.put("backslash", "machine h1 login dom\\user password p\n");
        files.put("escapes", "machine h1 login l password \"a\\nb\"\n");
        files.put("commentwords", "#comment more words\nmachine h1 login l1 password p1\n");
        files.put("commentafterblank", "machine h1 login l1\n\n# a comment here\npassword p1\n");
        files.put("uppercase", "MACHINE h1 LOGIN l1 PASSWORD p1\n");
        files.put("macdefateof", "machine h1 login l1 password p1\nmacdef x\ncd\n");
        files.put("unterminated", "machine h1 login l1 password \"p1\n");
        Path corpus = Files.createDirectories(dir.resolve("differ"));
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(corpus.resolve(e.getKey()), e.getValue());
        }
        Map<String, String> py = runPython(python.get(), corpus, new ArrayList<>(files.keySet()));
        assertThat(py.get("duplicate h1")).isEqualTo(b64("second") + " " + b64("two") + " " + b64(""));
        assertThat(login(Netrc.load(corpus.resolve("duplicate")), "h1")).isEqualTo("first");
        assertThat(py.get("backslash h1")).startsWith(b64("domuser") + " ");
        assertThat(login(Netrc.load(corpus.resolve("backslash")), "h1")).isEqualTo("dom\\user");
        assertThat(py.get("escapes h1")).endsWith(" " + b64("anb") + " " + b64(""));
        assertThat(password(Netrc.load(corpus.resolve("escapes")), "h1")).isEqualTo("a\nb");
        // Python refuses these (its comment rule depends on the line a word started on), curl and we read them
        for (String name : List.of("commentwords", "commentafterblank", "uppercase", "macdefateof")) {
            assertThat(py.get(name + " h1")).as(name).isEqualTo("ERROR");
            assertThat(password(Netrc.load(corpus.resolve(name)), "h1")).as(name).isEqualTo("p1");
        }
        // Python takes an unclosed quote up to the end of the file; curl and we refuse it
        assertThat(py.get("unterminated h1")).startsWith(b64("l1") + " ");
        assertThatThrownBy(() -> Netrc.load(corpus.resolve("unterminated"))).isInstanceOf(NetrcException.class);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Path> findPython() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "python3");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return "FILE HOST" to "b64(login) b64(password) b64(account)", "NONE", or "ERROR ..." */
    private Map<String, String> runPython(Path python, Path corpus, List<String> names) throws Exception {
        Path script = dir.resolve("compare.py");
        Files.writeString(script, """
                import base64, netrc, os, sys
                corpus, hosts = sys.argv[1], sys.argv[2].split(",")
                b = lambda s: base64.b64encode(s.encode("utf-8")).decode("ascii")
                for name in sys.argv[3:]:
                    try:
                        n = netrc.netrc(os.path.join(corpus, name))
                    except Exception as e:
                        for h in hosts:
                            print(name, h, "ERROR")
                        continue
                    for h in hosts:
                        a = n.authenticators(h)
                        print(name, h, "NONE" if a is None else b(a[0]) + " " + b(a[2]) + " " + b(a[1]))
                """);
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), corpus.toString(), String.join(",", HOSTS)));
        cmd.addAll(names);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3) {
                result.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return result;
    }

    @Test
    void mutatedFilesOnlyEverThrowNetrcException() {
        Random random = new Random(Long.getLong("inetkit.fuzz.seed", 20261125L));
        String alphabet = " \t\r\n\"\\#abcmachinedefaultloginpasswordaccountmacdef€\u0000";
        List<String> seeds = new ArrayList<>(AGREED.values());
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int m = random.nextInt(6); m >= 0; m--) {
                int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < s.length()) {
                            s.deleteCharAt(at);
                        }
                    }
                    default -> s.insert(at, List.of(" machine ", "\"", "\\", "#", "\n\n", " default ", " macdef m\n")
                            .get(random.nextInt(7)));
                }
            }
            try {
                Netrc n = Netrc.parse(s.toString());
                n.find("h1");
                n.find("h2", "l2");
                parsed++;
            } catch (NetrcException e) {
                assertThat(e.getMessage()).matches("line \\d+: [a-z0-9 ,()]+");
                refused++;
            }
        }
        assertThat(parsed).isPositive();
        assertThat(refused).isPositive();
    }

    private static Netrc assertParses(String text) {
        try {
            return Netrc.parse(text);
        } catch (NetrcException e) {
            throw new AssertionError("should parse: " + e.getMessage(), e);
        }
    }
}
