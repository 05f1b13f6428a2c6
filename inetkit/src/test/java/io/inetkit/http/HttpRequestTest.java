package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void buildsAndNormalises() {
        HttpRequest r = HttpRequest.newBuilder("HTTP://Example.org:8080/a%20b?q=1#frag").header("X-A", "1").build();
        assertThat(r.uri().toString()).isEqualTo("http://Example.org:8080/a%20b?q=1");
        assertThat(r.originForm()).isEqualTo("/a%20b?q=1");
        assertThat(r.hostHeader()).isEqualTo("Example.org:8080");
        assertThat(r.method()).isEqualTo(Method.GET);
        assertThat(HttpRequest.get("https://h").originForm()).isEqualTo("/");
        assertThat(HttpRequest.get("https://h:443/").hostHeader()).isEqualTo("h");
        assertThat(HttpRequest.get("http://[::1]:81/").hostHeader()).isEqualTo("[::1]:81");
    }

    @Test
    void rejectsBadUris() {
        assertThatThrownBy(() -> HttpRequest.get("ftp://h/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> HttpRequest.get("/relative")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> HttpRequest.get("http:///nohost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.get("http://h/a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadMethodsAndHeaders() {
        assertThatThrownBy(() -> Method.of("GE T")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.newBuilder("http://h/").header("X", "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.newBuilder("http://h/").header("Content-Length", "3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
        assertThatThrownBy(() -> HttpRequest.newBuilder("http://h/").method(Method.HEAD, RequestBody.ofString("x", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsFromUriAreDecodedAndMaskedInToString() {
        HttpRequest r = HttpRequest.get("http://al%40ice:p%3Ass@h/");
        assertThat(Credentials.fromUri(r.uri())).isEqualTo(new Credentials("al@ice", "p:ss"));
        assertThat(r.toString()).doesNotContain("p%3Ass").contains("****@h");
        assertThat(new Credentials("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void methodsKnowIdempotence() {
        assertThat(Method.GET.isIdempotent()).isTrue();
        assertThat(Method.PUT.isIdempotent()).isTrue();
        assertThat(Method.POST.isIdempotent()).isFalse();
        assertThat(Method.of("PATCH").isIdempotent()).isFalse();
        assertThat(Method.of("GET")).isSameAs(Method.GET);
    }
}
