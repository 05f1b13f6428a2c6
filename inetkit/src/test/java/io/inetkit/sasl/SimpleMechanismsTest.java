package io.inetkit.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** PLAIN, LOGIN and CRAM-MD5. */
class SimpleMechanismsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void plainRfc4616Example() throws Exception {
        SaslMechanism plain = Mechanism.PLAIN.newClient(Credentials.password("tim", "tanstaaftanstaaf"));
        assertThat(plain.name()).isEqualTo("PLAIN");
        assertThat(plain.hasInitialResponse()).isTrue();
        assertThat(plain.isComplete()).isFalse();
        assertThat(plain.start()).isEqualTo(bytes("\0tim\0tanstaaftanstaaf"));
        assertThat(plain.isComplete()).isTrue();
    }

    @Test
    void plainRfc4616ExampleWithAuthorizationIdentity() throws Exception {
        SaslMechanism plain = Mechanism.PLAIN.newClient(new Credentials.Password("Kurt", "xipj3plmq", "Ursel"));
        assertThat(plain.start()).isEqualTo(bytes("Ursel\0Kurt\0xipj3plmq"));
    }

    @Test
    void plainEncodesUtf8() throws Exception {
        SaslMechanism plain = Mechanism.PLAIN.newClient(Credentials.password("j\u00fcrgen", "p\u00e4ss"));
        assertThat(plain.start()).isEqualTo(bytes("\0j\u00fcrgen\0p\u00e4ss"));
    }

    @Test
    void plainRefusesAnyChallenge() throws Exception {
        SaslMechanism plain = Mechanism.PLAIN.newClient(Credentials.password("tim", "x"));
        assertThatThrownBy(() -> plain.evaluate(new byte[0])).isInstanceOf(IllegalStateException.class);
        plain.start();
        assertThatThrownBy(() -> plain.evaluate(bytes("more?")))
                .isInstanceOf(SaslException.class)
                .hasMessage("PLAIN: unexpected challenge after completion");
    }

    @Test
    void loginAnswersUsernameThenPassword() throws Exception {
        SaslMechanism login = Mechanism.LOGIN.newClient(Credentials.password("tim", "secret"));
        assertThat(login.hasInitialResponse()).isFalse();
        assertThat(login.start()).isNull();
        assertThat(login.evaluate(bytes("Username:"))).isEqualTo(bytes("tim"));
        assertThat(login.isComplete()).isFalse();
        assertThat(login.evaluate(bytes("Password:"))).isEqualTo(bytes("secret"));
        assertThat(login.isComplete()).isTrue();
        assertThatThrownBy(() -> login.evaluate(bytes("Again:")))
                .isInstanceOf(SaslException.class)
                .hasMessage("LOGIN: unexpected challenge after completion");
    }

    @Test
    void loginAnswersByOrderWhateverThePromptSays() throws Exception {
        SaslMechanism login = Mechanism.LOGIN.newClient(Credentials.password("tim", "secret"));
        login.start();
        assertThat(login.evaluate(bytes("User Name\0"))).isEqualTo(bytes("tim"));
        assertThat(login.evaluate(new byte[0])).isEqualTo(bytes("secret"));
    }

    @Test
    void loginNeverSendsThePasswordWhenAskedForTheUserNameAgain() throws Exception {
        SaslMechanism login = Mechanism.LOGIN.newClient(Credentials.password("tim", "secret"));
        login.start();
        login.evaluate(bytes("Username:"));
        assertThatThrownBy(() -> login.evaluate(bytes("Username:")))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("asked for the user name again");
        assertThat(login.isComplete()).isFalse();
    }

    @Test
    void cramMd5Rfc2195Example() throws Exception {
        SaslMechanism cram = Mechanism.CRAM_MD5.newClient(Credentials.password("tim", "tanstaaftanstaaf"));
        assertThat(cram.hasInitialResponse()).isFalse();
        assertThat(cram.start()).isNull();
        byte[] response = cram.evaluate(bytes("<1896.697170952@postoffice.reston.mci.net>"));
        assertThat(new String(response, UTF_8)).isEqualTo("tim b913a602c7eda7a495b4e6e7334d3890");
        assertThat(cram.isComplete()).isTrue();
        assertThatThrownBy(() -> cram.evaluate(bytes("<x>")))
                .isInstanceOf(SaslException.class)
                .hasMessage("CRAM-MD5: unexpected challenge after completion");
    }

    @Test
    void cramMd5RefusesEmptyAndOversizedChallenges() throws Exception {
        SaslMechanism empty = Mechanism.CRAM_MD5.newClient(Credentials.password("tim", "x"));
        empty.start();
        assertThatThrownBy(() -> empty.evaluate(new byte[0]))
                .isInstanceOf(SaslException.class)
                .hasMessage("CRAM-MD5: server sent an empty challenge");
        SaslMechanism huge = Mechanism.CRAM_MD5.newClient(Credentials.password("tim", "x"));
        huge.start();
        assertThatThrownBy(() -> huge.evaluate(new byte[SaslBytes.MAX_CHALLENGE_BYTES + 1]))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server challenge too large");
    }

    @Test
    void mechanismsWithoutAuthzidRefuseOne() {
        Credentials.Password withAuthzid = new Credentials.Password("tim", "x", "admin");
        assertThat(Mechanism.CRAM_MD5.accepts(withAuthzid)).isFalse();
        assertThat(Mechanism.LOGIN.accepts(withAuthzid)).isFalse();
        assertThat(Mechanism.PLAIN.accepts(withAuthzid)).isTrue();
        assertThatThrownBy(() -> Mechanism.LOGIN.newClient(withAuthzid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOGIN cannot be used with an authorization identity");
    }

    @Test
    void passwordMechanismsRefuseTokens() {
        assertThatThrownBy(() -> Mechanism.PLAIN.newClient(Credentials.token("tim", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PLAIN cannot be used with a token");
    }
}
