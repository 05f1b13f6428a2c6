package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void lookupIgnoresCaseAndKeepsOrder() {
        Headers h = Headers.of("Accept", "a", "X-One", "1", "accept", "b");
        assertThat(h.all("ACCEPT")).containsExactly("a", "b");
        assertThat(h.firstOrNull("x-one")).isEqualTo("1");
        assertThat(h.first("missing")).isEmpty();
        assertThat(h.names()).containsExactly("Accept", "X-One");
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.name(2)).isEqualTo("accept");
    }

    @Test
    void copiesDoNotChangeTheOriginal() {
        Headers h = Headers.of("A", "1");
        Headers h2 = h.with("B", "2").withReplaced("a", "3");
        assertThat(h.all("A")).containsExactly("1");
        assertThat(h2.all("A")).containsExactly("3");
        assertThat(h2.without("b").contains("B")).isFalse();
        assertThat(h.without("zzz")).isSameAs(h);
    }

    @Test
    void rejectsInvalidNamesAndValues() {
        assertThatThrownBy(() -> Headers.of("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid header name");
        assertThatThrownBy(() -> Headers.of("X", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR, LF or NUL");
        assertThatThrownBy(() -> Headers.of("X", "a\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Headers.of("", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByContent() {
        assertThat(Headers.of("A", "1")).isEqualTo(Headers.builder().add("A", "1").build());
        assertThat(Headers.builder().build()).isSameAs(Headers.EMPTY);
    }
}
