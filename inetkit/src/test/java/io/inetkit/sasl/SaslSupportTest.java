package io.inetkit.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SaslCodec, SaslPrep and Credentials. */
class SaslSupportTest {

    @Test
    void codecEncodesResponsesAndInitialResponses() {
        assertThat(SaslCodec.encodeResponse(new byte[0])).isEmpty();
        assertThat(SaslCodec.encodeInitialResponse(new byte[0])).isEqualTo("=");
        assertThat(SaslCodec.encodeResponse("\0tim\0tanstaaftanstaaf".getBytes()))
                .isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(SaslCodec.encodeInitialResponse("\0tim\0tanstaaftanstaaf".getBytes()))
                .isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
    }

    @Test
    void codecDecodesChallenges() throws Exception {
        assertThat(SaslCodec.decodeChallenge(" VXNlcm5hbWU6 ")).isEqualTo("Username:".getBytes());
        assertThat(SaslCodec.decodeChallenge("")).isEmpty();
    }

    @Test
    void codecRejectsBadChallenges() {
        assertThatThrownBy(() -> SaslCodec.decodeChallenge("not base64!"))
                .isInstanceOf(SaslException.class)
                .hasMessage("server challenge is not valid base64: not base64!");
        assertThatThrownBy(() -> SaslCodec.decodeChallenge("A".repeat(SaslCodec.MAX_CHALLENGE_CHARS + 4)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server challenge too long");
    }

    /** RFC 4013 section 3 examples 1 to 5. */
    @ParameterizedTest
    @CsvSource({"I\u00ADX, IX", "user, user", "USER, USER", "\u00AA, a", "\u2168, IX"})
    void saslPrepRfc4013Examples(String input, String output) {
        assertThat(SaslPrep.prepare(input, "x")).isEqualTo(output);
    }

    @Test
    void saslPrepMapsNonAsciiSpaces() {
        assertThat(SaslPrep.prepare("a\u00A0b\u3000c", "x")).isEqualTo("a b c");
    }

    /** RFC 4013 section 3 examples 6 and 7, and other prohibited input. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0007", "\u0627\u0031", "a\uE000", "a\u200Eb", "\u00AD", "\uD800x"})
    void saslPrepRejectsProhibitedInput(String input) {
        assertThatThrownBy(() -> SaslPrep.prepare(input, "password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("password ");
    }

    @Test
    void saslPrepAcceptsRightToLeftText() {
        assertThat(SaslPrep.prepare("\u0627\u0628", "x")).isEqualTo("\u0627\u0628");
    }

    @Test
    void credentialsValidateEarly() {
        assertThatThrownBy(() -> Credentials.password("", "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not be empty");
        assertThatThrownBy(() -> Credentials.password("u", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password must not be empty");
        assertThatThrownBy(() -> Credentials.password("u", "a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password must not contain NUL");
        assertThatThrownBy(() -> new Credentials.Password("u", "p", "a\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.token("u", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.password(null, "p")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mechanismNamesRoundTrip() {
        for (Mechanism m : Mechanism.values()) {
            assertThat(Mechanism.fromWireName(m.wireName().toLowerCase())).contains(m);
            assertThat(m.newClient(m.wireName().contains("OAUTH")
                    ? Credentials.token("u", "t") : Credentials.password("u", "p")).name()).isEqualTo(m.wireName());
        }
        assertThat(Mechanism.fromWireName("DIGEST-MD5")).isEmpty();
    }
}
