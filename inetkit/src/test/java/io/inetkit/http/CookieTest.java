package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class CookieTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final URI PAGE = URI.create("https://www.example.com/docs/page.html");

    private static Cookie parse(String header) {
        return Cookie.parse(PAGE, header, NOW);
    }

    @Test
    void defaultsAreHostOnlyWithTheDirectoryPath() {
        Cookie c = parse("sid=abc");
        assertThat(c.domain()).isEqualTo("www.example.com");
        assertThat(c.hostOnly()).isTrue();
        assertThat(c.path()).isEqualTo("/docs");
        assertThat(c.expiresAt()).isNull();
        assertThat(c.matches(URI.create("https://sub.www.example.com/docs"), NOW)).isFalse();
        assertThat(c.matches(URI.create("https://www.example.com/docs/x"), NOW)).isTrue();
        assertThat(c.matches(URI.create("https://www.example.com/docsx"), NOW)).isFalse();
        assertThat(c.toString()).doesNotContain("abc");
    }

    @Test
    void domainAttribute() {
        Cookie c = parse("a=1; Domain=.Example.com; Path=/");
        assertThat(c.hostOnly()).isFalse();
        assertThat(c.matches(URI.create("http://api.example.com/x"), NOW)).isTrue();
        assertThat(c.matches(URI.create("http://example.com/"), NOW)).isTrue();
        assertThat(c.matches(URI.create("http://badexample.com/"), NOW)).isFalse();
        assertThat(parse("a=1; Domain=other.org")).isNull();
        assertThat(parse("a=1; Domain=com")).isNull();
    }

    @Test
    void expiryAttributes() {
        assertThat(parse("a=1; Max-Age=60").expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(parse("a=1; Expires=Wed, 09 Jun 2027 10:18:14 GMT; Max-Age=60").expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(parse("a=1; Expires=Wed, 09 Jun 2027 10:18:14 GMT").expiresAt()).isEqualTo(Instant.parse("2027-06-09T10:18:14Z"));
        assertThat(parse("a=1; Expires=Wednesday, 09-Jun-27 10:18:14 GMT").expiresAt()).isEqualTo(Instant.parse("2027-06-09T10:18:14Z"));
        assertThat(parse("a=1; Expires=Wed Jun  9 10:18:14 2027").expiresAt()).isEqualTo(Instant.parse("2027-06-09T10:18:14Z"));
        assertThat(parse("a=1; Expires=garbage").expiresAt()).isNull();
        // found by ResponseFuzzTest (seed 777): a time field of many digits is no time, not a NumberFormatException
        assertThat(parse("a=1; Expires=Wed, 09 Jun 2021 10:18:10000000000000000 GMT").expiresAt()).isNull();
        assertThat(parse("a=1; Expires=Wed, 09 Jun 2027 10:18:14x GMT").expiresAt()).isEqualTo(Instant.parse("2027-06-09T10:18:14Z"));
        assertThat(parse("a=1; Max-Age=0").isExpired(NOW)).isTrue();
    }

    @Test
    void secureAndMalformed() {
        Cookie secure = parse("a=1; Secure; HttpOnly");
        assertThat(secure.secure()).isTrue();
        assertThat(secure.httpOnly()).isTrue();
        assertThat(secure.matches(URI.create("http://www.example.com/docs"), NOW)).isFalse();
        assertThat(Cookie.parse(URI.create("http://www.example.com/"), "a=1; Secure", NOW)).isNull();
        assertThat(parse("novalue")).isNull();
        assertThat(parse("=x")).isNull();
        assertThat(parse("a=" + "x".repeat(5000))).isNull();
    }

    @Test
    void jarReplacesDeletesAndOrders() {
        CookieJar jar = CookieJar.inMemory();
        jar.save(PAGE, List.of(parse("a=1; Path=/"), parse("b=2; Path=/docs"), parse("a=old; Path=/docs")));
        jar.save(PAGE, List.of(parse("a=new; Path=/docs")));
        assertThat(jar.load(PAGE, NOW)).extracting(c -> c.name() + "=" + c.value())
                .containsExactly("b=2", "a=new", "a=1");
        jar.save(PAGE, List.of(parse("b=gone; Path=/docs; Max-Age=0")));
        assertThat(jar.load(PAGE, NOW)).extracting(Cookie::name).containsExactly("a", "a");
    }

    @Test
    void jarIsBoundedPerDomain() {
        CookieJar jar = CookieJar.inMemory();
        for (int i = 0; i < 80; i++) {
            jar.save(PAGE, List.of(parse("c" + i + "=v")));
        }
        assertThat(jar.load(PAGE, NOW)).hasSize(50);
    }

    @Test
    void clientSendsAndStoresCookies() throws Exception {
        RawServer[] self = new RawServer[1];
        try (RawServer s = RawServer.keepAlive(self, (c, r) -> {
            if (r.line().startsWith("GET /login")) {
                c.write("HTTP/1.1 302 Found\r\nSet-Cookie: session=xyz; Path=/; HttpOnly\r\nLocation: /home\r\nContent-Length: 0\r\n\r\n");
            } else {
                c.ok("cookie=" + r.header("Cookie"));
            }
        }); HttpClient client = HttpClient.builder().cookieJar(CookieJar.inMemory()).build()) {
            self[0] = s;
            assertThat(client.send(HttpRequest.get(s.url("/login"))).bodyString()).isEqualTo("cookie=session=xyz");
            assertThat(client.send(HttpRequest.newBuilder(s.url("/other")).header("Cookie", "mine=1").build()).bodyString())
                    .isEqualTo("cookie=mine=1; session=xyz");
        }
    }
}
