package io.inetkit.server;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway certificates for TLS tests, generated in memory with Bouncy Castle: a CA and a
 * server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} signed by it.
 * Nothing is written to disk. Copy this class into other packages' tests as needed.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.create();
 * SSLContext server = certs.serverContext();   // key + chain for the server
 * SSLContext client = certs.clientContext();   // trusts only the throwaway CA
 * }</pre>
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate caCertificate;
    private final X509Certificate serverCertificate;
    private final KeyPair serverKeys;

    private TestCertificates(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
        this.caCertificate = ca;
        this.serverCertificate = server;
        this.serverKeys = serverKeys;
    }

    /**
     * Generates a fresh CA and a server certificate for the loopback names (EC P-256, valid one day).
     *
     * @return the certificates
     * @throws Exception when the JDK lacks EC or Bouncy Castle fails
     */
    public static TestCertificates create() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256, RANDOM);
        KeyPair caKeys = gen.generateKeyPair();
        KeyPair serverKeys = gen.generateKeyPair();
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date to = Date.from(now.plus(Duration.ofDays(1)));

        X500Name caName = new X500Name("CN=inetkit test CA");
        X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), from, to, caName, caKeys.getPublic());
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCert = sign(ca, caKeys);

        X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), from, to,
                new X500Name("CN=localhost"), serverKeys.getPublic());
        server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()),
        }));
        X509Certificate serverCert = sign(server, caKeys);
        return new TestCertificates(caCert, serverCert, serverKeys);
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** {@return the CA certificate clients should trust} */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** {@return the server's certificate} */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /**
     * An in-memory key store holding the server's key and chain under the alias {@code server}
     * (password {@code changeit}).
     *
     * @return the key store
     * @throws GeneralSecurityException when the JDK refuses it
     */
    public KeyStore serverKeyStore() throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD, new X509Certificate[] {serverCertificate, caCertificate});
            return ks;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * An SSL context for a server presenting the throwaway certificate.
     *
     * @return the context
     * @throws GeneralSecurityException when the JDK refuses it
     */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeyStore(), PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, RANDOM);
        return ctx;
    }

    /**
     * An SSL context for a client that trusts only the throwaway CA.
     *
     * @return the context
     * @throws GeneralSecurityException when the JDK refuses it
     */
    public SSLContext clientContext() throws GeneralSecurityException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), RANDOM);
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
