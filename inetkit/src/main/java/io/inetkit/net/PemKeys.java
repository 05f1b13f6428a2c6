package io.inetkit.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PEM certificate chain and an unencrypted PKCS#8 private key (what
 * {@code openssl req -nodes} and most ACME clients write) into an in-memory key store, so that
 * servers can be configured with the two files users have.
 */
final class PemKeys {
    /** Key and certificate files are small; anything larger is not what we were asked to read. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----");
    private static final String[] ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"};

    private PemKeys() {
    }

    static KeyStore load(Path certificateChain, Path privateKey, char[] password) throws IOException {
        Collection<? extends Certificate> chain;
        try {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certificateBlocks(read(certificateChain))));
        } catch (CertificateException e) {
            throw new IOException("cannot read the certificates in " + certificateChain + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("no PEM certificate in " + certificateChain);
        }
        PrivateKey key = privateKey(privateKey);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("the key in " + privateKey + " does not fit the certificate in "
                    + certificateChain + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CERTIFICATE blocks of a PEM file, without anything between them: the file may also hold
     * the private key (curl's {@code --cert} accepts one file with both), which the JDK's
     * certificate parser refuses. Other content (DER) is returned as it is.
     */
    private static byte[] certificateBlocks(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        Matcher m = CERTIFICATE.matcher(text);
        StringBuilder blocks = new StringBuilder();
        while (m.find()) {
            blocks.append(m.group()).append('\n');
        }
        return blocks.isEmpty() ? file : blocks.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String text = new String(read(file), StandardCharsets.US_ASCII);
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            String hint = text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
                    ? " (it is in the older PKCS#1/SEC1 form: convert it with"
                            + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8')"
                    : text.contains("BEGIN ENCRYPTED PRIVATE KEY") ? " (it is encrypted; decrypt it first)" : "";
            throw new IOException("no unencrypted PKCS#8 private key ('BEGIN PRIVATE KEY') in " + file + hint);
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm: PKCS#8 names it inside, but KeyFactory wants it up front
            }
        }
        throw new IOException("the private key in " + file + " uses an algorithm this JDK cannot read");
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes: not a PEM key or certificate");
        }
        return Files.readAllBytes(file);
    }
}
