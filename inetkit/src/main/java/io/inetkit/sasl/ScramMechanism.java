package io.inetkit.sasl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;

/**
 * SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677) without channel binding
 * (gs2 header {@code n,,} or {@code n,a=authzid,}).
 *
 * <p>The client proves it knows the password without sending it, and the server must prove
 * it knows the salted password too: a server-final message whose signature does not match
 * fails with "server signature mismatch", and a success reply before that check fails in
 * {@link #requireComplete()}. User names and passwords go through {@link SaslPrep}.
 */
final class ScramMechanism implements SaslMechanism {

    /** The hash function a SCRAM variant uses. */
    enum Hash {
        SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1"),
        SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256");

        final String mechanism;
        final String hmac;
        final String digest;

        Hash(String mechanism, String hmac, String digest) {
            this.mechanism = mechanism;
            this.hmac = hmac;
            this.digest = digest;
        }
    }

    private enum State { NEW, CLIENT_FIRST_SENT, CLIENT_FINAL_SENT, COMPLETE, FAILED }

    private static final int NONCE_BYTES = 18;

    private final Hash hash;
    private final String username;
    private final String password;
    private final String gs2Header;
    private final Supplier<String> nonceSource;
    private State state = State.NEW;
    private String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    ScramMechanism(Hash hash, Credentials.Password credentials) {
        this(hash, credentials, ScramMechanism::randomNonce);
    }

    /** For tests: a fixed nonce reproduces the RFC examples. */
    ScramMechanism(Hash hash, Credentials.Password credentials, Supplier<String> nonceSource) {
        this.hash = hash;
        this.username = escape(SaslPrep.prepare(credentials.username(), "username"));
        this.password = SaslPrep.prepare(credentials.password(), "password");
        String authzid = credentials.authorizationId();
        this.gs2Header = authzid.isEmpty() ? "n,,"
                : "n,a=" + escape(SaslPrep.prepare(authzid, "authorizationId")) + ",";
        this.nonceSource = nonceSource;
    }

    @Override
    public String name() {
        return hash.mechanism;
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException(name() + ": start() already called");
        }
        clientNonce = nonceSource.get();
        if (clientNonce.isEmpty() || !clientNonce.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',')) {
            throw new IllegalStateException(name() + ": nonce must be printable ASCII without ','");
        }
        clientFirstBare = "n=" + username + ",r=" + clientNonce;
        state = State.CLIENT_FIRST_SENT;
        return SaslBytes.utf8(gs2Header + clientFirstBare);
    }

    @Override
    public byte[] evaluate(byte[] challenge) throws SaslException {
        if (state == State.NEW) {
            throw new IllegalStateException(name() + ": call start() before evaluate()");
        }
        State current = state;
        state = State.FAILED; // until this step succeeds
        SaslBytes.checkChallenge(name(), challenge);
        byte[] response = switch (current) {
            case NEW -> throw new AssertionError(current);
            case CLIENT_FIRST_SENT -> clientFinal(SaslBytes.decodeUtf8(name(), challenge));
            case CLIENT_FINAL_SENT -> verifyServerFinal(SaslBytes.decodeUtf8(name(), challenge));
            case COMPLETE -> throw new SaslException(name() + ": unexpected challenge after completion");
            case FAILED -> throw new SaslException(name() + ": exchange already failed");
        };
        state = current == State.CLIENT_FIRST_SENT ? State.CLIENT_FINAL_SENT : State.COMPLETE;
        return response;
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    private byte[] clientFinal(String serverFirstText) throws SaslException {
        ScramServerFirst serverFirst = ScramServerFirst.parse(name(), serverFirstText, clientNonce);
        byte[] saltedPassword = hi(SaslBytes.utf8(password), serverFirst.salt(), serverFirst.iterations());
        byte[] clientKey = SaslBytes.hmac(hash.hmac, saltedPassword, SaslBytes.utf8("Client Key"));
        byte[] storedKey = digest(clientKey);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(SaslBytes.utf8(gs2Header))
                + ",r=" + serverFirst.nonce();
        byte[] authMessage = SaslBytes.utf8(clientFirstBare + "," + serverFirst.message() + "," + withoutProof);
        byte[] proof = SaslBytes.hmac(hash.hmac, storedKey, authMessage);
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientKey[i];
        }
        byte[] serverKey = SaslBytes.hmac(hash.hmac, saltedPassword, SaslBytes.utf8("Server Key"));
        expectedServerSignature = SaslBytes.hmac(hash.hmac, serverKey, authMessage);
        return SaslBytes.utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    private byte[] verifyServerFinal(String serverFinal) throws SaslException {
        if (serverFinal.startsWith("e=")) {
            throw new SaslException(name() + ": server reported an error: "
                    + SaslBytes.quote(serverFinal.substring(2)));
        }
        if (!serverFinal.startsWith("v=")) {
            throw new SaslException(name() + ": malformed server-final message (expected v= or e=)");
        }
        int end = serverFinal.indexOf(',');
        String signature64 = serverFinal.substring(2, end < 0 ? serverFinal.length() : end);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signature64);
        } catch (IllegalArgumentException e) {
            throw new SaslException(name() + ": malformed server-final message (signature is not base64)");
        }
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException(name() + ": server signature mismatch; the server did not"
                    + " prove it knows the password (wrong server or man in the middle)");
        }
        return new byte[0];
    }

    /** Hi() of RFC 5802 section 2.2, i.e. PBKDF2 with HMAC and one output block. */
    private byte[] hi(byte[] key, byte[] salt, int iterations) {
        Mac mac = SaslBytes.mac(hash.hmac, key);
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int n = 1; n < iterations; n++) {
            u = mac.doFinal(u);
            for (int i = 0; i < result.length; i++) {
                result[i] ^= u[i];
            }
        }
        return result;
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash.digest + " is not available in this JDK", e);
        }
    }

    /** RFC 5802 saslname: '=' and ',' become "=3D" and "=2C". */
    static String escape(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    private static String randomNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
