package io.inetkit.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** OAUTHBEARER (RFC 7628) and XOAUTH2 (Google). */
class OAuthMechanismTest {

    /** RFC 7628 section 4.1, the initial client response of the IMAP example, as sent. */
    private static final String RFC7628_INITIAL = "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBv"
            + "cnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB";
    private static final String RFC7628_TOKEN = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";
    /** RFC 7628 section 4.3, the server's error challenge. */
    private static final String RFC7628_ERROR = "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwi"
            + "b3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=";
    /** Google's XOAUTH2 documentation: the initial client response. */
    private static final String GOOGLE_INITIAL = "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRj"
            + "Mk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==";
    /** Google's XOAUTH2 documentation: the error challenge. */
    private static final String GOOGLE_ERROR = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9t"
            + "YWlsLmdvb2dsZS5jb20vIn0K";

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void oauthbearerRfc7628InitialResponse() throws Exception {
        SaslMechanism m = Mechanism.OAUTHBEARER.newClient(
                Credentials.token("user@example.com", RFC7628_TOKEN), "server.example.com", 143);
        assertThat(m.name()).isEqualTo("OAUTHBEARER");
        assertThat(m.hasInitialResponse()).isTrue();
        assertThat(b64(m.start())).isEqualTo(RFC7628_INITIAL);
        assertThat(m.isComplete()).isTrue();
        m.requireComplete();
        assertThat(m.serverError()).isEmpty();
    }

    @Test
    void oauthbearerWithoutHostAndPort() throws Exception {
        SaslMechanism m = Mechanism.OAUTHBEARER.newClient(Credentials.token("a,b=c", "tok"));
        assertThat(new String(m.start(), UTF_8)).isEqualTo("n,a=a=2Cb=3Dc,\u0001auth=Bearer tok\u0001\u0001");
    }

    @Test
    void oauthbearerRfc7628ErrorIsAnsweredWithKvsepThenFails() throws Exception {
        SaslMechanism m = Mechanism.OAUTHBEARER.newClient(
                Credentials.token("user@example.com", RFC7628_TOKEN), "server.example.com", 143);
        m.start();
        byte[] response = m.evaluate(Base64.getDecoder().decode(RFC7628_ERROR));
        assertThat(b64(response)).isEqualTo("AQ==");
        assertThat(m.isComplete()).isFalse();
        assertThat(m.serverError()).contains("token rejected: status invalid_token, scope example_scope");
        assertThatThrownBy(m::requireComplete)
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("OAUTHBEARER: server reported success before")
                .hasMessageContaining("status invalid_token");
        assertThatThrownBy(() -> m.evaluate(new byte[0]))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("unexpected challenge after the token was rejected");
    }

    @Test
    void xoauth2GoogleInitialResponse() throws Exception {
        SaslMechanism m = Mechanism.XOAUTH2.newClient(Credentials.token("someuser@example.com",
                "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"));
        assertThat(m.name()).isEqualTo("XOAUTH2");
        assertThat(b64(m.start())).isEqualTo(GOOGLE_INITIAL);
        assertThat(m.isComplete()).isTrue();
    }

    @Test
    void xoauth2ErrorIsAnsweredWithEmptyResponseThenFails() throws Exception {
        SaslMechanism m = Mechanism.XOAUTH2.newClient(Credentials.token("someuser@example.com", "ya29.x"));
        m.start();
        assertThat(m.evaluate(Base64.getDecoder().decode(GOOGLE_ERROR))).isEmpty();
        assertThat(m.isComplete()).isFalse();
        assertThat(m.serverError()).contains("token rejected: status 401, scope https://mail.google.com/");
        assertThatThrownBy(m::requireComplete).isInstanceOf(SaslException.class);
    }

    @Test
    void nonJsonErrorIsQuotedSafely() throws Exception {
        SaslMechanism m = Mechanism.XOAUTH2.newClient(Credentials.token("u", "t"));
        m.start();
        m.evaluate("go away\r\n\u0007".getBytes(UTF_8));
        assertThat(m.serverError()).contains("token rejected: error go away???");
    }

    @Test
    void tokenCredentialsRejectInjection() {
        assertThatThrownBy(() -> Credentials.token("u", "abc\u0001auth=Bearer evil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token must be printable ASCII without spaces");
        assertThatThrownBy(() -> Credentials.token("u\u0001x", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> Mechanism.OAUTHBEARER.newClient(Credentials.token("u", "t"), "a\u0001b", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mechanism.OAUTHBEARER.newClient(Credentials.token("u", "t"), "h", 70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenMechanismsRefusePasswords() {
        assertThatThrownBy(() -> Mechanism.XOAUTH2.newClient(Credentials.password("u", "p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("XOAUTH2 cannot be used with a password");
    }

    @Test
    void secretsAreMaskedInToString() {
        assertThat(Credentials.token("u", "sekret").toString()).doesNotContain("sekret");
        assertThat(Credentials.password("u", "sekret").toString()).doesNotContain("sekret");
    }
}
