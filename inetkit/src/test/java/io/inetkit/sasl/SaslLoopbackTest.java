package io.inetkit.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives mechanisms the way the package documentation tells protocol layers to, against a
 * small SMTP-AUTH-style server on loopback. The SCRAM server side is written independently
 * of the client (PBKDF2 from {@link SecretKeyFactory}, proof checked the server's way).
 */
@Timeout(20)
class SaslLoopbackTest {

    /** How the test server misbehaves, if at all. */
    private enum ServerMode { HONEST, WRONG_SIGNATURE, SKIPS_SERVER_FINAL }

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    /** A server session: reads the AUTH line and the client's lines, writes replies. */
    private interface ServerScript {
        void run(BufferedReader in, PrintWriter out, String[] authLine) throws Exception;
    }

    /** Runs one AUTH exchange as the package documentation describes; returns the client lines. */
    private static List<String> authenticate(ServerScript script, SaslMechanism sasl) throws Exception {
        return authenticate(script, sasl, true);
    }

    /**
     * As {@link #authenticate(ServerScript, SaslMechanism)}; when the protocol allows no initial
     * response, the command goes without it and the server's first, empty challenge is
     * answered with what {@code start()} returned (package documentation).
     */
    private static List<String> authenticate(ServerScript script, SaslMechanism sasl, boolean initialResponseAllowed)
            throws Exception {
        List<String> sent = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
                        PrintWriter out = new PrintWriter(s.getOutputStream(), true, UTF_8)) {
                    script.run(in, out, in.readLine().split(" "));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket s = new Socket(listener.getInetAddress(), listener.getLocalPort());
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, UTF_8)) {
                byte[] initial = sasl.start();
                byte[] held = initialResponseAllowed ? null : initial;
                String line = "AUTH " + sasl.name()
                        + (initial == null || held != null ? "" : " " + SaslCodec.encodeInitialResponse(initial));
                sent.add(line);
                out.println(line);
                String reply = in.readLine();
                while (reply.startsWith("334 ")) {
                    byte[] response;
                    if (held != null) {
                        assertThat(SaslCodec.decodeChallenge(reply.substring(4))).as("the server's first challenge").isEmpty();
                        response = held;
                        held = null;
                    } else {
                        try {
                            response = sasl.evaluate(SaslCodec.decodeChallenge(reply.substring(4)));
                        } catch (SaslException e) {
                            sent.add("*");
                            out.println("*");
                            assertThat(in.readLine()).startsWith("501");
                            throw e;
                        }
                    }
                    String encoded = SaslCodec.encodeResponse(response);
                    sent.add(encoded);
                    out.println(encoded);
                    reply = in.readLine();
                }
                if (!reply.startsWith("235")) {
                    throw new SaslException("authentication failed: " + reply
                            + sasl.serverError().map(e -> " (" + e + ")").orElse(""));
                }
                sasl.requireComplete();
            } finally {
                server.get(10, TimeUnit.SECONDS);
            }
        }
        return sent;
    }

    /** An independent SCRAM-SHA-256 server for user "tim" with the given password. */
    private static ServerScript scramServer(String password, ServerMode mode) {
        return (in, out, auth) -> {
            assertThat(auth[1]).isEqualTo("SCRAM-SHA-256");
            String initial = auth.length > 2 ? auth[2] : null;
            if (initial == null) { // no initial response: ask for it with an empty challenge
                out.println("334 ");
                initial = in.readLine();
            }
            String clientFirst = new String(UNB64.decode(initial), UTF_8);
            String gs2 = clientFirst.substring(0, clientFirst.indexOf(',', clientFirst.indexOf(',') + 1) + 1);
            String clientFirstBare = clientFirst.substring(gs2.length());
            String clientNonce = clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            String serverFirst = "r=" + clientNonce + "srv" + System.nanoTime()
                    + ",s=" + B64.encodeToString(salt) + ",i=4096";
            out.println("334 " + B64.encodeToString(serverFirst.getBytes(UTF_8)));
            String clientFinal = new String(UNB64.decode(in.readLine()), UTF_8);
            String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
            byte[] proof = UNB64.decode(clientFinal.substring(clientFinal.indexOf(",p=") + 3));
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(UTF_8);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 4096, 256)).getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key".getBytes(UTF_8)));
            byte[] clientKey = hmac(storedKey, authMessage);
            for (int i = 0; i < clientKey.length; i++) {
                clientKey[i] ^= proof[i];
            }
            boolean proofOk = withoutProof.startsWith("c=" + B64.encodeToString(gs2.getBytes(UTF_8)) + ",")
                    && MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey);
            if (!proofOk) {
                out.println("535 authentication failed");
                return;
            }
            byte[] serverSignature = hmac(hmac(salted, "Server Key".getBytes(UTF_8)), authMessage);
            if (mode == ServerMode.WRONG_SIGNATURE) {
                serverSignature[0] ^= 1;
            }
            if (mode != ServerMode.SKIPS_SERVER_FINAL) {
                out.println("334 " + B64.encodeToString(("v=" + B64.encodeToString(serverSignature)).getBytes(UTF_8)));
                String answer = in.readLine();
                if (answer.equals("*")) {
                    out.println("501 cancelled");
                    return;
                }
                assertThat(answer).isEmpty();
            }
            out.println("235 authenticated");
        };
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void scramAgainstIndependentServer() throws Exception {
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("tim", "p\u00e4ssw\u00f6rd"));
        List<String> sent = authenticate(scramServer("p\u00e4ssw\u00f6rd", ServerMode.HONEST), sasl);
        assertThat(sent).hasSize(3).last().isEqualTo("");
        assertThat(sasl.isComplete()).isTrue();
    }

    @Test
    void scramWithAuthorizationIdentityAgainstIndependentServer() throws Exception {
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(new Credentials.Password("tim", "pencil", "admin"));
        authenticate(scramServer("pencil", ServerMode.HONEST), sasl);
        assertThat(sasl.isComplete()).isTrue();
    }

    @Test
    void wrongPasswordIsRejectedByServer() {
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("tim", "wrong"));
        assertThatThrownBy(() -> authenticate(scramServer("pencil", ServerMode.HONEST), sasl))
                .isInstanceOf(SaslException.class)
                .hasMessage("authentication failed: 535 authentication failed");
    }

    @Test
    void impostorServerIsDetectedAndExchangeCancelled() {
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("tim", "pencil"));
        assertThatThrownBy(() -> authenticate(scramServer("pencil", ServerMode.WRONG_SIGNATURE), sasl))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server signature mismatch");
    }

    @Test
    void successWithoutServerProofIsRefused() {
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("tim", "pencil"));
        assertThatThrownBy(() -> authenticate(scramServer("pencil", ServerMode.SKIPS_SERVER_FINAL), sasl))
                .isInstanceOf(SaslException.class)
                .hasMessageContaining("server reported success before the authentication exchange completed");
    }

    @Test
    void loginAgainstServer() throws Exception {
        ServerScript server = (in, out, auth) -> {
            out.println("334 " + B64.encodeToString("Username:".getBytes(UTF_8)));
            String user = new String(UNB64.decode(in.readLine()), UTF_8);
            out.println("334 " + B64.encodeToString("Password:".getBytes(UTF_8)));
            String password = new String(UNB64.decode(in.readLine()), UTF_8);
            out.println(user.equals("tim") && password.equals("secret") ? "235 ok" : "535 no");
        };
        List<String> sent = authenticate(server, Mechanism.LOGIN.newClient(Credentials.password("tim", "secret")));
        assertThat(sent).containsExactly("AUTH LOGIN", "dGlt", "c2VjcmV0");
    }

    @Test
    void rejectedTokenIsAnsweredEmptyAndFailsClearly() {
        ServerScript server = (in, out, auth) -> {
            out.println("334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9t"
                    + "YWlsLmdvb2dsZS5jb20vIn0K");
            assertThat(in.readLine()).isEmpty();
            out.println("535 5.7.8 Username and Password not accepted");
        };
        SaslMechanism sasl = Mechanism.XOAUTH2.newClient(Credentials.token("tim@example.com", "ya29.expired"));
        assertThatThrownBy(() -> authenticate(server, sasl))
                .isInstanceOf(SaslException.class)
                .hasMessage("authentication failed: 535 5.7.8 Username and Password not accepted"
                        + " (token rejected: status 401, scope https://mail.google.com/)");
    }

    @Test
    void withoutInitialResponseTheFirstEmptyChallengeGetsIt() throws Exception {
        // IMAP without SASL-IR, or an AUTH line that would be too long: same mechanism, one more round.
        SaslMechanism sasl = Mechanism.SCRAM_SHA_256.newClient(Credentials.password("tim", "pencil"));
        List<String> sent = authenticate(scramServer("pencil", ServerMode.HONEST), sasl, false);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).isEqualTo("AUTH SCRAM-SHA-256");
        assertThat(new String(UNB64.decode(sent.get(1)), UTF_8)).startsWith("n,,n=tim,r=");
        assertThat(sent.get(3)).isEmpty();
        assertThat(sasl.isComplete()).isTrue();
        ServerScript plainServer = (in, out, auth) -> {
            assertThat(auth).containsExactly("AUTH", "PLAIN");
            out.println("334 ");
            assertThat(new String(UNB64.decode(in.readLine()), UTF_8)).isEqualTo("\0tim\0secret");
            out.println("235 ok");
        };
        assertThat(authenticate(plainServer, Mechanism.PLAIN.newClient(Credentials.password("tim", "secret")), false))
                .containsExactly("AUTH PLAIN", "AHRpbQBzZWNyZXQ=");
    }
}
