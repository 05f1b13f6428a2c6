package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link HttpClient.Builder#credentialsLookup}: each origin is asked about, also after a redirect. */
@Timeout(30)
class AuthLookupTest {

    private JdkServer server;
    /** "host user:password" (or "host none") for each request the server saw. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = JdkServer.http();
        server.handle("/basic", this::basic);
        server.handle("/refuse", ex -> {
            seen.add("refuse " + credentials(ex));
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"r\"");
            JdkServer.respond(ex, 401, "no");
        });
        server.handle("/away", ex -> {
            seen.add("away " + credentials(ex));
            ex.getResponseHeaders().set("Location", "http://localhost:" + ex.getLocalAddress().getPort() + "/basic");
            JdkServer.respond(ex, 302, "moved");
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Challenges Basic; accepts any credentials and answers with them. */
    private void basic(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host").replaceAll(":\\d+$", "");
        String creds = credentials(ex);
        seen.add(host + " " + creds);
        if (creds.equals("none")) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"r\"");
            JdkServer.respond(ex, 401, "who are you");
            return;
        }
        JdkServer.respond(ex, 200, creds);
    }

    private static String credentials(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth == null ? "none"
                : new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8);
    }

    private static Function<URI, Credentials> byHost(String host, Credentials creds) {
        return uri -> uri.getHost().equals(host) ? creds : null;
    }

    @Test
    void eachOriginGetsItsOwnCredentialsAfterARedirect() throws Exception {
        Function<URI, Credentials> lookup = uri -> switch (uri.getHost()) {
            case "127.0.0.1" -> new Credentials("ann", "one");
            case "localhost" -> new Credentials("lou", "two");
            default -> null;
        };
        try (HttpClient client = HttpClient.builder().credentialsLookup(lookup, false).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/away")))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyString()).isEqualTo("lou:two");
        }
        assertThat(seen).containsExactly("away none", "localhost none", "localhost lou:two");
    }

    @Test
    void basicAtOnceSendsEachOriginItsOwnCredentialsWithTheRequest() throws Exception {
        Function<URI, Credentials> lookup = uri -> switch (uri.getHost()) {
            case "127.0.0.1" -> new Credentials("ann", "one");
            case "localhost" -> new Credentials("lou", "two");
            default -> null;
        };
        try (HttpClient client = HttpClient.builder().credentialsLookup(lookup, true).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/away")))) {
            assertThat(r.bodyString()).isEqualTo("lou:two");
        }
        assertThat(seen).containsExactly("away ann:one", "localhost lou:two");
    }

    @Test
    void basicAtOnceReturnsA401AsItIsAndLeavesAnAuthorizationHeaderAlone() throws Exception {
        try (HttpClient client = HttpClient.builder().credentialsLookup(uri -> new Credentials("ann", "one"), true).build()) {
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/refuse")))) {
                assertThat(r.status()).isEqualTo(401);
            }
            HttpRequest own = HttpRequest.newBuilder(URI.create(server.url("/refuse")))
                    .setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("me:mine".getBytes(StandardCharsets.UTF_8)))
                    .build();
            try (HttpResponse r = client.send(own)) {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        assertThat(seen).containsExactly("refuse ann:one", "refuse me:mine");
    }

    @Test
    void anOriginTheLookupDoesNotKnowGetsNothingNotTheFirstOnes() throws Exception {
        try (HttpClient client = HttpClient.builder().credentialsLookup(byHost("127.0.0.1", new Credentials("ann", "one")), false)
                .build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/away")))) {
            assertThat(r.status()).isEqualTo(401);
        }
        try (HttpClient client = HttpClient.builder().credentialsLookup(byHost("127.0.0.1", new Credentials("ann", "one")), false)
                .build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/basic")))) {
            assertThat(r.bodyString()).isEqualTo("ann:one");
        }
        assertThat(seen).containsExactly("away none", "localhost none", "127.0.0.1 none", "127.0.0.1 ann:one");
    }

    @Test
    void fixedCredentialsStillServeOnlyTheFirstOriginWhenTheLookupHasNothing() throws Exception {
        try (HttpClient client = HttpClient.builder().credentials(new Credentials("fix", "ed"))
                .credentialsLookup(uri -> null, false).build();
             HttpResponse r = client.send(HttpRequest.get(server.url("/away")))) {
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(seen).containsExactly("away none", "localhost none");
    }

    @Test
    void aUriPasswordWinsAndAUriUserIsPassedToTheLookup() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        Function<URI, Credentials> lookup = uri -> {
            asked.add(String.valueOf(uri.getUserInfo()));
            return uri.getUserInfo() == null ? null : new Credentials(uri.getUserInfo(), "looked-up");
        };
        try (HttpClient client = HttpClient.builder().credentialsLookup(lookup, false).build()) {
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/basic").replace("http://", "http://bob:own@")))) {
                assertThat(r.bodyString()).isEqualTo("bob:own");
            }
            try (HttpResponse r = client.send(HttpRequest.get(server.url("/basic").replace("http://", "http://bob@")))) {
                assertThat(r.bodyString()).isEqualTo("bob:looked-up");
            }
        }
        assertThat(asked).containsOnly("bob");
    }
}
