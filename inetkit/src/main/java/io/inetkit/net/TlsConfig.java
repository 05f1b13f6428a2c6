package io.inetkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Immutable TLS settings with secure defaults: the JDK's CA store, host-name verification
 * on (endpoint identification {@code HTTPS}), SNI set, TLS 1.2 or newer.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.builder().trustPem(Path.of("ca.pem")).alpn("h2", "http/1.1").build();
 * SSLSocket s = tls.upgrade(plainSocket, "mail.example.org", 465);
 * }</pre>
 *
 * <p>The {@link SSLContext} is built once: in {@link Builder#build()} when a key store or a
 * caller's trust store was given (so a wrong password fails there, and a store changed later does
 * not change the config), else on first use, since setting up TLS costs tens of milliseconds that
 * a plain-HTTP command should not pay (the JDK's CA store, or a {@link Builder#trustPem PEM file}'s
 * certificates, which are read and checked in the builder). One config may be shared by many
 * connections and threads.
 */
public final class TlsConfig {

    /** The lowest TLS version a connection may use. */
    public enum Version {
        /** TLS 1.2 (RFC 5246) and 1.3. */
        TLS_1_2(List.of("TLSv1.3", "TLSv1.2")),
        /** TLS 1.3 (RFC 8446) only. */
        TLS_1_3(List.of("TLSv1.3"));

        private final List<String> enabled;

        Version(List<String> enabled) {
            this.enabled = enabled;
        }
    }

    private static final TlsConfig DEFAULTS = builder().build();

    /** Set at construction, or on first use (see the class comment); guarded by {@link #contextLock}. */
    private volatile SSLContext context;
    private final java.util.concurrent.locks.ReentrantLock contextLock = new java.util.concurrent.locks.ReentrantLock();
    private final boolean verifyHostName;
    private final boolean trustAll;
    private final List<String> alpn;
    private final Version minimumVersion;
    /** The trust store {@link #context()} builds from on first use: null for the JDK's, or one only this config holds. */
    private final KeyStore lazyTrustStore;

    private TlsConfig(Builder b) {
        this.verifyHostName = b.verifyHostName && !b.trustAll;
        this.trustAll = b.trustAll;
        this.alpn = List.copyOf(b.alpn);
        this.minimumVersion = b.minimumVersion;
        KeyStore trustStore = b.trustAll ? null : b.trustStore;
        boolean now = b.keyStore != null || (trustStore != null && !b.trustStoreOwned);
        this.lazyTrustStore = now ? null : trustStore;
        this.context = now ? createContext(b.keyStore, b.keyPassword, trustStore, b.trustAll) : null;
    }

    /** @return the default configuration: JDK CA store, host names verified, TLS 1.2+ */
    public static TlsConfig defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the secure defaults */
    public static Builder builder() {
        return new Builder();
    }

    private SSLContext context() {
        SSLContext c = context;
        if (c == null) {
            contextLock.lock();
            try {
                c = context;
                if (c == null) {
                    c = createContext(null, null, lazyTrustStore, trustAll);
                    context = c;
                }
            } finally {
                contextLock.unlock();
            }
        }
        return c;
    }

    private static SSLContext createContext(KeyStore keyStore, char[] keyPassword, KeyStore trustStore,
            boolean trustAll) {
        try {
            KeyManager[] keyManagers = null;
            if (keyStore != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, keyPassword);
                keyManagers = kmf.getKeyManagers();
            }
            TrustManager trust;
            if (trustAll) {
                trust = new InsecureTrustManager();
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore); // null = the JDK's default CA store
                trust = new CheckingTrustManager(Arrays.stream(tmf.getTrustManagers())
                        .filter(X509ExtendedTrustManager.class::isInstance)
                        .map(X509ExtendedTrustManager.class::cast)
                        .findFirst().orElseThrow(() -> new IllegalStateException("no X.509 trust manager")));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, new TrustManager[] {trust}, null);
            return ctx;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("the key password does not open the key store's private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** @return the SSL context, usable for client sockets and for server listeners */
    public SSLContext sslContext() {
        return context();
    }

    /** @return a socket factory for client sockets; use {@link #clientParameters(String)} on what it makes */
    public SSLSocketFactory socketFactory() {
        return context().getSocketFactory();
    }

    /** @return a server socket factory; use {@link #serverParameters()} on what it makes */
    public SSLServerSocketFactory serverSocketFactory() {
        return context().getServerSocketFactory();
    }

    /** @return true unless {@link Builder#insecureSkipHostNameVerification()} or trust-all was chosen */
    public boolean verifiesHostName() {
        return verifyHostName;
    }

    /** @return true if {@link Builder#insecureTrustAll()} was chosen */
    public boolean trustsAll() {
        return trustAll;
    }

    /** @return the ALPN protocols offered, in preference order (may be empty) */
    public List<String> alpn() {
        return alpn;
    }

    /** @return the lowest TLS version allowed */
    public Version minimumVersion() {
        return minimumVersion;
    }

    /**
     * Client-side parameters for a connection to {@code host}: protocol versions, host-name
     * verification, SNI (for names, not IP literals) and ALPN.
     *
     * @param host the host name the certificate must match
     * @return fresh parameters
     */
    public SSLParameters clientParameters(String host) {
        SSLParameters p = context().getDefaultSSLParameters();
        p.setProtocols(minimumVersion.enabled.toArray(String[]::new));
        if (verifyHostName) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(host)) {
            try {
                p.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // Not a valid SNI name (e.g. a trailing dot): send no SNI; verification still applies.
            }
        }
        if (!alpn.isEmpty()) {
            p.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        return p;
    }

    /** @return server-side parameters: protocol versions and ALPN */
    public SSLParameters serverParameters() {
        SSLParameters p = context().getDefaultSSLParameters();
        p.setProtocols(minimumVersion.enabled.toArray(String[]::new));
        if (!alpn.isEmpty()) {
            p.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        return p;
    }

    /**
     * Layers TLS over a connected socket and completes the handshake, verifying the
     * certificate and (unless turned off) the host name. Closing the result closes {@code plain}.
     *
     * @param plain a connected socket
     * @param host the host name the certificate must match (also sent as SNI)
     * @param port the peer's port (used for session caching and messages)
     * @return the handshaken TLS socket
     * @throws TlsException if the handshake fails, with the reason
     * @throws IOException on other I/O errors (including read timeouts)
     */
    public SSLSocket upgrade(Socket plain, String host, int port) throws IOException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(host, "host");
        if (plain instanceof ReadAheadSocket ours) {
            ours.startReadAhead(); // only ciphertext from here on
        }
        SSLSocket tls = (SSLSocket) socketFactory().createSocket(plain, host, port, true);
        try {
            tls.setSSLParameters(clientParameters(host));
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            closeQuietly(tls);
            throw TlsErrors.translate(e, host, port);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the handshake error is what matters
        }
    }

    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Builds a {@link TlsConfig}; every setting is validated when given. */
    public static final class Builder {
        private KeyStore trustStore;
        /** Whether {@link #trustStore} was made by this builder (from a PEM file), so nobody else can change it. */
        private boolean trustStoreOwned;
        private KeyStore keyStore;
        private char[] keyPassword;
        private boolean verifyHostName = true;
        private boolean trustAll;
        private List<String> alpn = List.of();
        private Version minimumVersion = Version.TLS_1_2;

        private Builder() {}

        /**
         * Trusts the JDK's default CA store (the default).
         *
         * @return this builder
         */
        public Builder trustDefault() {
            this.trustStore = null;
            this.trustStoreOwned = false;
            this.trustAll = false;
            return this;
        }

        /**
         * Trusts only the CA certificates in a key store.
         *
         * @param store a key store of trusted certificates
         * @return this builder
         */
        public Builder trust(KeyStore store) {
            this.trustStore = Objects.requireNonNull(store, "store");
            this.trustStoreOwned = false;
            this.trustAll = false;
            return this;
        }

        /**
         * Trusts only the CA certificates in a PEM file (one or more {@code BEGIN CERTIFICATE} blocks).
         *
         * @param caPem the PEM file
         * @return this builder
         * @throws IOException if the file cannot be read or holds no certificate
         */
        public Builder trustPem(Path caPem) throws IOException {
            try (InputStream in = Files.newInputStream(caPem)) {
                List<Certificate> certs = new ArrayList<>(
                        CertificateFactory.getInstance("X.509").generateCertificates(in));
                if (certs.isEmpty()) {
                    throw new IOException("no certificate found in " + caPem);
                }
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                for (int i = 0; i < certs.size(); i++) {
                    ks.setCertificateEntry("ca-" + i, certs.get(i));
                }
                trust(ks);
                trustStoreOwned = true;
                return this;
            } catch (CertificateException e) {
                throw new IOException("cannot read certificates from " + caPem + ": " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create a key store: " + e.getMessage(), e);
            }
        }

        /**
         * Trusts every certificate and skips host-name checks. Insecure: only for tests and
         * for servers the user explicitly chose to trust (a CLI {@code --insecure}).
         *
         * @return this builder
         */
        public Builder insecureTrustAll() {
            this.trustAll = true;
            return this;
        }

        /**
         * Turns host-name verification off while still checking the chain. Insecure: any
         * certificate from a trusted CA is then accepted for any host.
         *
         * @return this builder
         */
        public Builder insecureSkipHostNameVerification() {
            this.verifyHostName = false;
            return this;
        }

        /**
         * Sets the private key and certificate chain to present: a client certificate for
         * clients, the server certificate for listeners.
         *
         * @param store a key store holding one private-key entry
         * @param password the key's password
         * @return this builder
         */
        public Builder keyStore(KeyStore store, char[] password) {
            this.keyStore = Objects.requireNonNull(store, "store");
            this.keyPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Sets the private key and certificate chain from PEM files, as servers are usually
         * given them ({@code cert.pem}, {@code key.pem}).
         *
         * @param certificateChain the certificate, then any intermediates, in PEM
         * @param privateKey an unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----})
         * @return this builder
         * @throws IOException if a file cannot be read or holds something else
         */
        public Builder keyPem(Path certificateChain, Path privateKey) throws IOException {
            char[] password = "in-memory".toCharArray(); // never stored: the key store lives in memory
            return keyStore(PemKeys.load(certificateChain, privateKey, password), password);
        }

        /**
         * Sets the ALPN protocols to offer, most preferred first.
         *
         * @param protocols protocol ids such as {@code h2}, {@code http/1.1}, {@code imap}
         * @return this builder
         */
        public Builder alpn(String... protocols) {
            List<String> list = List.of(protocols);
            for (String p : list) {
                if (p.isEmpty() || p.length() > 255) {
                    throw new IllegalArgumentException("ALPN protocol ids must be 1 to 255 characters: \"" + p + "\"");
                }
            }
            this.alpn = list;
            return this;
        }

        /**
         * Sets the lowest TLS version allowed (default TLS 1.2).
         *
         * @param version the minimum version
         * @return this builder
         */
        public Builder minimumVersion(Version version) {
            this.minimumVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the configuration; the SSL context now when a key store or a caller's trust store was given, else on first use.
         *
         * @return the immutable configuration
         * @throws IllegalArgumentException if the key password is wrong
         */
        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
