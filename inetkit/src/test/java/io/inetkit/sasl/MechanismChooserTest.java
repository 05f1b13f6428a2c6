package io.inetkit.sasl;

import static io.inetkit.sasl.ChannelSecurity.ENCRYPTED;
import static io.inetkit.sasl.ChannelSecurity.UNENCRYPTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MechanismChooserTest {

    private static final Credentials PASSWORD = Credentials.password("tim", "secret");
    private static final Credentials TOKEN = Credentials.token("tim@example.com", "ya29.abc");
    private static final List<String> EVERYTHING = List.of("LOGIN", "PLAIN", "CRAM-MD5",
            "SCRAM-SHA-1", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER", "GSSAPI");

    private static Mechanism choose(List<String> advertised, Credentials c, ChannelSecurity s, SaslPolicy p)
            throws SaslNegotiationException {
        return MechanismChooser.choose(advertised, c, s, p);
    }

    @Test
    void prefersStrongestPasswordMechanism() throws Exception {
        assertThat(choose(EVERYTHING, PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT)).isEqualTo(Mechanism.SCRAM_SHA_256);
        assertThat(choose(List.of("PLAIN", "SCRAM-SHA-1", "CRAM-MD5"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.SCRAM_SHA_1);
        assertThat(choose(List.of("LOGIN", "PLAIN", "CRAM-MD5"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.CRAM_MD5);
        assertThat(choose(List.of("LOGIN", "PLAIN"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.PLAIN);
        assertThat(choose(List.of("LOGIN"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT)).isEqualTo(Mechanism.LOGIN);
    }

    @Test
    void prefersOauthbearerForTokens() throws Exception {
        assertThat(choose(EVERYTHING, TOKEN, ENCRYPTED, SaslPolicy.DEFAULT)).isEqualTo(Mechanism.OAUTHBEARER);
        assertThat(choose(List.of("PLAIN", "XOAUTH2"), TOKEN, ENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.XOAUTH2);
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownOnesIgnored() throws Exception {
        assertThat(choose(List.of("gssapi", " cram-md5 ", "plain", "NTLM"), PASSWORD, ENCRYPTED,
                SaslPolicy.DEFAULT)).isEqualTo(Mechanism.CRAM_MD5);
    }

    @Test
    void authorizationIdentitySkipsMechanismsThatCannotCarryIt() throws Exception {
        Credentials admin = new Credentials.Password("tim", "secret", "admin");
        assertThat(choose(List.of("CRAM-MD5", "LOGIN", "PLAIN"), admin, ENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.PLAIN);
    }

    @Test
    void refusesClearTextSecretsOnUnencryptedChannel() {
        assertThatThrownBy(() -> choose(List.of("LOGIN", "PLAIN"), PASSWORD, UNENCRYPTED, SaslPolicy.DEFAULT))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessageContaining("offers only PLAIN, LOGIN")
                .hasMessageContaining("unencrypted connection; use TLS (or STARTTLS)");
        assertThatThrownBy(() -> choose(List.of("XOAUTH2"), TOKEN, UNENCRYPTED, SaslPolicy.DEFAULT))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessageContaining("offers only XOAUTH2");
    }

    @Test
    void unencryptedChannelStillUsesChallengeResponseMechanisms() throws Exception {
        assertThat(choose(List.of("PLAIN", "CRAM-MD5"), PASSWORD, UNENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.CRAM_MD5);
        assertThat(choose(EVERYTHING, PASSWORD, UNENCRYPTED, SaslPolicy.DEFAULT))
                .isEqualTo(Mechanism.SCRAM_SHA_256);
    }

    @Test
    void clearTextSecretsCanBeAllowedExplicitly() throws Exception {
        SaslPolicy allow = SaslPolicy.DEFAULT.withCleartextSecrets(true);
        assertThat(choose(List.of("LOGIN", "PLAIN"), PASSWORD, UNENCRYPTED, allow)).isEqualTo(Mechanism.PLAIN);
        assertThat(choose(List.of("XOAUTH2"), TOKEN, UNENCRYPTED, allow)).isEqualTo(Mechanism.XOAUTH2);
    }

    @Test
    void noCommonMechanism() {
        assertThatThrownBy(() -> choose(List.of("GSSAPI", "NTLM"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessage("no common SASL mechanism: the server offers GSSAPI, NTLM, and inetkit supports"
                        + " SCRAM-SHA-256, SCRAM-SHA-1, CRAM-MD5, PLAIN, LOGIN for a password");
        assertThatThrownBy(() -> choose(List.of("PLAIN"), TOKEN, ENCRYPTED, SaslPolicy.DEFAULT))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessageContaining("OAUTHBEARER, XOAUTH2 for an OAuth token");
        assertThatThrownBy(() -> choose(List.of(), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .hasMessageContaining("the server offers nothing");
    }

    @Test
    void forcedMechanismOverridesPreference() throws Exception {
        SaslPolicy forceLogin = SaslPolicy.DEFAULT.forcing(Mechanism.LOGIN);
        assertThat(choose(EVERYTHING, PASSWORD, ENCRYPTED, forceLogin)).isEqualTo(Mechanism.LOGIN);
        // A server that advertises nothing (POP3 without SASL capability) is trusted.
        assertThat(choose(List.of(), PASSWORD, ENCRYPTED, forceLogin)).isEqualTo(Mechanism.LOGIN);
    }

    @Test
    void forcedMechanismMustBeOfferedAndSafe() {
        SaslPolicy forcePlain = SaslPolicy.DEFAULT.forcing(Mechanism.PLAIN);
        assertThatThrownBy(() -> choose(List.of("SCRAM-SHA-1"), PASSWORD, ENCRYPTED, forcePlain))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessage("the server does not offer the requested mechanism PLAIN (it offers SCRAM-SHA-1)");
        assertThatThrownBy(() -> choose(List.of("PLAIN"), PASSWORD, UNENCRYPTED, forcePlain))
                .isInstanceOf(SaslNegotiationException.class)
                .hasMessageContaining("refusing PLAIN over an unencrypted connection");
        assertThatThrownBy(() -> choose(List.of("PLAIN"), TOKEN, ENCRYPTED, forcePlain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit the credentials (an OAuth token)");
    }

    @Test
    void hostileAdvertisementIsBoundedInMessages() {
        String longName = "X".repeat(5000);
        assertThatThrownBy(() -> choose(List.of(longName, "\u0007"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT))
                .isInstanceOf(SaslNegotiationException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500).doesNotContain("\u0007"));
    }

    @Test
    void chosenMechanismCreatesAWorkingConversation() throws Exception {
        Mechanism m = choose(List.of("PLAIN"), PASSWORD, ENCRYPTED, SaslPolicy.DEFAULT);
        assertThat(m.newClient(PASSWORD).start()).containsExactly("\0tim\0secret".getBytes());
    }
}
