package io.inetkit.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramMechanismTest {

    private static final String SHA1_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String SHA1_SERVER_FIRST =
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    private static final String SHA256_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SHA256_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private static ScramMechanism sha1(String user, String password) {
        return new ScramMechanism(ScramMechanism.Hash.SHA_1,
                Credentials.password(user, password), () -> SHA1_NONCE);
    }

    private static ScramMechanism sha256() {
        return new ScramMechanism(ScramMechanism.Hash.SHA_256,
                Credentials.password("user", "pencil"), () -> SHA256_NONCE);
    }

    private static String text(byte[] b) {
        return new String(b, UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void rfc5802Section5ScramSha1Example() throws Exception {
        ScramMechanism scram = sha1("user", "pencil");
        assertThat(scram.name()).isEqualTo("SCRAM-SHA-1");
        assertThat(scram.hasInitialResponse()).isTrue();
        assertThat(text(scram.start())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(text(scram.evaluate(bytes(SHA1_SERVER_FIRST)))).isEqualTo(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(scram.isComplete()).isFalse();
        assertThat(scram.evaluate(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="))).isEmpty();
        assertThat(scram.isComplete()).isTrue();
        scram.requireComplete();
    }

    @Test
    void rfc7677ScramSha256Example() throws Exception {
        ScramMechanism scram = sha256();
        assertThat(scram.name()).isEqualTo("SCRAM-SHA-256");
        assertThat(text(scram.start())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(text(scram.evaluate(bytes(SHA256_SERVER_FIRST)))).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(scram.evaluate(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))).isEmpty();
        assertThat(scram.isComplete()).isTrue();
    }

    @Test
    void serverExtensionsAfterKnownAttributesAreIgnored() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThat(text(scram.evaluate(bytes(SHA256_SERVER_FIRST + ",x=future"))))
                .startsWith("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=");
    }

    @Test
    void wrongServerSignatureFails() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        scram.evaluate(bytes(SHA256_SERVER_FIRST));
        // The SHA-1 example's signature: well-formed, but not this exchange's.
        assertThatThrownBy(() -> scram.evaluate(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server signature mismatch");
        assertThat(scram.isComplete()).isFalse();
        assertThatThrownBy(scram::requireComplete).isInstanceOf(SaslException.class);
        assertThatThrownBy(() -> scram.evaluate(new byte[0]))
                .hasMessageContaining("exchange already failed");
    }

    @Test
    void serverFinalMustBeVerifiedBeforeSuccessIsAccepted() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        scram.evaluate(bytes(SHA256_SERVER_FIRST));
        assertThatThrownBy(scram::requireComplete)
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("SCRAM-SHA-256: server reported success before");
    }

    @Test
    void serverErrorInServerFinalFails() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        scram.evaluate(bytes(SHA256_SERVER_FIRST));
        assertThatThrownBy(() -> scram.evaluate(bytes("e=invalid-proof")))
                .isInstanceOf(SaslException.class)
                .hasMessage("SCRAM-SHA-256: server reported an error: invalid-proof");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x=1", "v=not base64!"})
    void malformedServerFinalFails(String serverFinal) throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        scram.evaluate(bytes(SHA256_SERVER_FIRST));
        assertThatThrownBy(() -> scram.evaluate(bytes(serverFinal)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("malformed server-final message");
    }

    @Test
    void challengeAfterCompletionFails() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        scram.evaluate(bytes(SHA256_SERVER_FIRST));
        scram.evaluate(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        assertThatThrownBy(() -> scram.evaluate(new byte[0]))
                .isInstanceOf(SaslException.class)
                .hasMessage("SCRAM-SHA-256: unexpected challenge after completion");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "r=someoneElsesNonce123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=XrOprNGfwEbeRWgbNEkqO123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"})
    void serverNonceMustExtendClientNonce(String serverFirst) throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThatThrownBy(() -> scram.evaluate(bytes(serverFirst)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server nonce does not extend the client nonce");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "r=rOprNGfwEbeRWgbNEkqOabc",
        "r=rOprNGfwEbeRWgbNEkqOabc,i=4096,s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "r=rOprNGfwEbeRWgbNEkqOabc,s=,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOabc,s=!!!!,i=4096",
        "r=rOprNGfwEbeRWgbNEkqOabc,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=",
        "r=rOprNGfwEbeRWgbNEkqOabc,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-4096",
        "r=rOprNGfwEbeRWgbNEkqOa c,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "s=W22ZaJ0SNY7soEsUEjb6gQ==,r=rOprNGfwEbeRWgbNEkqOabc,i=4096"})
    void malformedServerFirstFails(String serverFirst) throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThatThrownBy(() -> scram.evaluate(bytes(serverFirst)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("SCRAM-SHA-256: malformed server-first message");
    }

    @Test
    void mandatoryExtensionIsRefused() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThatThrownBy(() -> scram.evaluate(bytes("m=ext," + SHA256_SERVER_FIRST)))
                .hasMessageContaining("unsupported mandatory extension");
    }

    @Test
    void invalidUtf8ServerFirstFails() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThatThrownBy(() -> scram.evaluate(new byte[] {'r', '=', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4095})
    void iterationCountBelowMinimumIsRefused(int iterations) throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        String serverFirst = SHA256_SERVER_FIRST.replace("i=4096", "i=" + iterations);
        assertThatThrownBy(() -> scram.evaluate(bytes(serverFirst)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("iteration count " + iterations + " is below the minimum of 4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000001", "99999999999"})
    void iterationCountAboveLimitIsRefusedBeforeHashing(String iterations) throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        String serverFirst = SHA256_SERVER_FIRST.replace("i=4096", "i=" + iterations);
        assertThatThrownBy(() -> scram.evaluate(bytes(serverFirst)))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("iteration count " + iterations + " exceeds the limit of 1000000");
    }

    @Test
    void oversizedChallengeIsRefused() throws Exception {
        ScramMechanism scram = sha256();
        scram.start();
        assertThatThrownBy(() -> scram.evaluate(new byte[SaslBytes.MAX_CHALLENGE_BYTES + 1]))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server challenge too large");
    }

    @Test
    void usernameIsEscapedAndAuthzidGoesIntoGs2Header() throws Exception {
        ScramMechanism scram = new ScramMechanism(ScramMechanism.Hash.SHA_256,
                new Credentials.Password("a=b,c", "pencil", "ad,min"), () -> SHA256_NONCE);
        assertThat(text(scram.start())).isEqualTo("n,a=ad=2Cmin,n=a=3Db=2Cc,r=rOprNGfwEbeRWgbNEkqO");
        String clientFinal = text(scram.evaluate(bytes(SHA256_SERVER_FIRST)));
        // c= carries the gs2 header, base64("n,a=ad=2Cmin,").
        assertThat(clientFinal).startsWith("c=bixhPWFkPTJDbWluLA==,r=");
    }

    @Test
    void passwordIsPreparedWithSaslPrep() throws Exception {
        ScramMechanism plain = sha1("user", "IX");
        ScramMechanism softHyphen = sha1("user", "I\u00ADX");
        ScramMechanism romanNumeral = sha1("user", "\u2168");
        plain.start();
        softHyphen.start();
        romanNumeral.start();
        String expected = text(plain.evaluate(bytes(SHA1_SERVER_FIRST)));
        assertThat(text(softHyphen.evaluate(bytes(SHA1_SERVER_FIRST)))).isEqualTo(expected);
        assertThat(text(romanNumeral.evaluate(bytes(SHA1_SERVER_FIRST)))).isEqualTo(expected);
    }

    @Test
    void prohibitedCharacterInPasswordIsRejectedAtCreation() {
        assertThatThrownBy(() -> Mechanism.SCRAM_SHA_256.newClient(Credentials.password("user", "a\u0007b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password contains a character SASLprep prohibits (U+0007");
    }

    @Test
    void defaultNonceIsRandomAndPrintable() throws Exception {
        SaslMechanism a = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("user", "pencil"));
        SaslMechanism b = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("user", "pencil"));
        String first = text(a.start());
        String second = text(b.start());
        assertThat(first).matches("n,,n=user,r=[A-Za-z0-9+/]{24}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void apiMisuseIsIllegalState() throws Exception {
        ScramMechanism scram = sha256();
        assertThatThrownBy(() -> scram.evaluate(new byte[0])).isInstanceOf(IllegalStateException.class);
        scram.start();
        assertThatThrownBy(scram::start).isInstanceOf(IllegalStateException.class);
    }
}
