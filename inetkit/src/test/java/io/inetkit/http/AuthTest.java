package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AuthTest {

    private JdkServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = JdkServer.http();
        server.server.createContext("/basic", ex -> JdkServer.respond(ex, 200, "hello " + ex.getPrincipal().getUsername()))
                .setAuthenticator(new BasicAuthenticator("test") {
                    @Override
                    public boolean checkCredentials(String user, String password) {
                        return user.equals("alice") && password.equals("pä:ss");
                    }
                });
        server.handle("/digest", this::digest);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** A Digest server: SHA-256 and MD5 challenges, checks the response with its own computation. */
    private void digest(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        if (auth == null || !auth.startsWith("Digest ") || !validDigest(ex, auth)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fallback\", Digest realm=\"r\", qop=\"auth,auth-int\","
                    + " nonce=\"n0nce\", algorithm=MD5, opaque=\"op\"");
            ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"r\", qop=\"auth\", nonce=\"n0nce\", algorithm=SHA-256");
            JdkServer.respond(ex, 401, "who are you");
            return;
        }
        JdkServer.respond(ex, 200, "digest ok");
    }

    private static boolean validDigest(HttpExchange ex, String auth) throws IOException {
        Map<String, String> p = Challenge.parseAll(List.of(auth)).get(0).params();
        if (!"SHA-256".equals(p.get("algorithm"))) {
            return false;
        }
        String ha1 = sha256("bob:r:secret");
        String ha2 = sha256(ex.getRequestMethod() + ":" + ex.getRequestURI());
        String expected = sha256(ha1 + ":n0nce:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return expected.equals(p.get("response")) && p.get("uri").equals(ex.getRequestURI().toString());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void basicWithClientCredentials() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("alice", "pä:ss")).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/basic/x")))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyString()).isEqualTo("hello alice");
        }
    }

    @Test
    void digestOnlyNeverAnswersABasicChallenge() throws Exception {
        server.handle("/basic-only", ex -> {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"b\"");
            JdkServer.respond(ex, 401, "basic please");
        });
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("bob", "secret")).digestOnly(true).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/basic-only")))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(authorizations).containsExactly("null"); // asked once, never answered with the password
        }
        authorizations.clear();
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("bob", "secret")).digestOnly(true).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/digest")))) {
            assertThat(r.bodyString()).isEqualTo("digest ok"); // Digest still answered
        }
    }

    @Test
    void basicWithCredentialsInTheUrl() throws Exception {
        String url = server.url("/basic/x").replace("http://", "http://alice:p%C3%A4%3Ass@");
        try (HttpClient client = HttpClient.newClient(); HttpResponse r = client.send(HttpRequest.get(url))) {
            assertThat(r.bodyString()).isEqualTo("hello alice");
        }
    }

    @Test
    void wrongCredentialsGiveThe401() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("alice", "wrong")).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/basic/x")))) {
            assertThat(r.status()).isEqualTo(401);
        }
    }

    @Test
    void digestPrefersSha256() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("bob", "secret")).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/digest/p?q=1")))) {
            assertThat(r.bodyString()).isEqualTo("digest ok");
        }
        assertThat(authorizations).hasSize(2);
        assertThat(authorizations.get(0)).isEqualTo("null");
        assertThat(authorizations.get(1)).contains("algorithm=SHA-256").contains("uri=\"/digest/p?q=1\"").contains("qop=auth");
    }

    @Test
    void digestChallengeIsRememberedWithIncreasingNonceCount() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("bob", "secret")).build()) {
            for (int i = 0; i < 3; i++) {
                try (HttpResponse r = client.send(HttpRequest.get(server.url("/digest/" + i)))) {
                    assertThat(r.bodyString()).isEqualTo("digest ok");
                }
            }
        }
        assertThat(authorizations).hasSize(4); // one challenge, then answered at once
        assertThat(authorizations.get(2)).contains("nc=00000002");
        assertThat(authorizations.get(3)).contains("nc=00000003");
    }

    @Test
    void wrongDigestCredentialsGiveThe401() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("bob", "wrong")).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/digest/x")))) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(authorizations).hasSize(2);
    }

    @Test
    void digestMatchesTheRfc7616Examples() throws Exception {
        Credentials mufasa = new Credentials("Mufasa", "Circle of Life");
        String params = "realm=\"http-auth@example.org\", qop=\"auth, auth-int\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        Challenge md5 = Challenge.parseAll(List.of("Digest " + params + ", algorithm=MD5")).get(0);
        Challenge sha = Challenge.parseAll(List.of("Digest " + params + ", algorithm=SHA-256")).get(0);
        assertThat(DigestAuth.header(md5, mufasa, "GET", "/dir/index.html", 1, cnonce))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"").contains("nc=00000001")
                .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        assertThat(DigestAuth.header(sha, mufasa, "GET", "/dir/index.html", 1, cnonce))
                .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"");
    }

    @Test
    void challengesParse() throws Exception {
        List<Challenge> c = Challenge.parseAll(List.of(
                "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"",
                "Bearer abc.def-ghi==, Negotiate"));
        assertThat(c).extracting(Challenge::scheme).containsExactly("Newauth", "Basic", "Bearer", "Negotiate");
        assertThat(c.get(0).param("title")).isEqualTo("Login to \"apps\"");
        assertThat(c.get(0).param("type")).isEqualTo("1");
        assertThat(c.get(1).param("realm")).isEqualTo("simple");
        assertThat(c.get(2).token68()).isEqualTo("abc.def-ghi==");
        assertThat(c.get(3).params()).isEmpty();
    }

    @Test
    void badOrHugeChallengesAreRejected() {
        assertThatThrownBy(() -> Challenge.parseAll(List.of("Digest realm=\"open"))).isInstanceOf(MalformedReplyException.class);
        assertThatThrownBy(() -> Challenge.parseAll(List.of("Basic, ".repeat(50)))).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("more than 20");
        StringBuilder many = new StringBuilder("Digest ");
        for (int i = 0; i < 40; i++) {
            many.append("p").append(i).append("=v, ");
        }
        assertThatThrownBy(() -> Challenge.parseAll(List.of(many.toString()))).hasMessageContaining("more than 30");
    }

    @Test
    void unsupportedDigestVariantsAreSkipped() throws Exception {
        assertThat(DigestAuth.supports(Challenge.parseAll(List.of("Digest realm=r, nonce=n, qop=auth-int")).get(0))).isFalse();
        assertThat(DigestAuth.supports(Challenge.parseAll(List.of("Digest realm=r, nonce=n, algorithm=SHA-512-256")).get(0))).isFalse();
        assertThat(DigestAuth.supports(Challenge.parseAll(List.of("Digest realm=r, nonce=n")).get(0))).isTrue();
    }
}
