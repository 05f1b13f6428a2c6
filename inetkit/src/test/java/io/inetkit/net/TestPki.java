package io.inetkit.net;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA and a localhost certificate (SAN: DNS localhost, IP 127.0.0.1, IP ::1), made at test time. */
public final class TestPki {
    public static final char[] PASSWORD = "changeit".toCharArray();
    private static TestPki instance;

    public final X509Certificate ca;
    public final X509Certificate server;
    private final KeyPair serverKeys;
    private final KeyPair caKeys;

    private TestPki() throws Exception {
        caKeys = ecKeys();
        long now = System.currentTimeMillis();
        Date from = new Date(now - 60_000);
        Date to = new Date(now + 86_400_000L);
        X500Name caName = new X500Name("CN=inetkit test CA");
        var caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
        ca = new JcaX509CertificateConverter().getCertificate(caBuilder.build(signer));

        serverKeys = ecKeys();
        var sb = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
                new X500Name("CN=localhost"), serverKeys.getPublic());
        sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        server = new JcaX509CertificateConverter().getCertificate(sb.build(signer));
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                instance = new TestPki();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public KeyStore trustStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        return ks;
    }

    public KeyStore serverKeyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD, new X509Certificate[] {server, ca});
        return ks;
    }

    public String caPem() throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(ca);
        }
        return w.toString();
    }

    /** The localhost certificate then the CA, in PEM, as a server's cert.pem holds them. */
    public String serverChainPem() throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(server);
            pem.writeObject(ca);
        }
        return w.toString();
    }

    /** The localhost certificate's private key as unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
    public String serverKeyPem() {
        String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(serverKeys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * TLS settings for a server presenting a new certificate from the test CA with the given
     * subject CN and subject alternative names (none: no SAN extension at all).
     */
    public TlsConfig serverConfigFor(String cn, GeneralName... sans) throws Exception {
        KeyPair keys = ecKeys();
        long now = System.currentTimeMillis();
        var b = new JcaX509v3CertificateBuilder(new X500Name("CN=inetkit test CA"), BigInteger.valueOf(now),
                new Date(now - 60_000), new Date(now + 86_400_000L), new X500Name("CN=" + cn), keys.getPublic());
        if (sans.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
        }
        X509Certificate leaf = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", keys.getPrivate(), PASSWORD, new X509Certificate[] {leaf, ca});
        return TlsConfig.builder().keyStore(ks, PASSWORD).build();
    }

    /** TLS settings for a loopback server presenting the localhost certificate. */
    public TlsConfig serverConfig() throws Exception {
        return TlsConfig.builder().keyStore(serverKeyStore(), PASSWORD).build();
    }

    /** TLS settings for a client trusting only the test CA. */
    public TlsConfig clientConfig() throws Exception {
        return TlsConfig.builder().trust(trustStore()).build();
    }
}
