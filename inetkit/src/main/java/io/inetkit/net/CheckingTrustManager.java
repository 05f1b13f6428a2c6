package io.inetkit.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps the JDK trust manager to tell "untrusted chain" from "host name mismatch": the chain
 * is checked first without the endpoint check, then with it. The failure is marked with a
 * {@link Failure} cause that {@link TlsErrors} finds in the handshake exception. On a TLS socket
 * an exact host name is matched here ({@link ExactHostMatch}); the JDK checks every other name.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {

    /** A certificate failure with a known reason; JSSE keeps it as the handshake exception's cause. */
    static final class Failure extends CertificateException {
        final TlsException.Reason reason;

        Failure(TlsException.Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }

    private final X509ExtendedTrustManager delegate;

    CheckingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!(socket instanceof SSLSocket tls) || !socket.isConnected() || chain == null || chain.length == 0) {
            checkChain(chain, authType);
            checkIdentity(chain, authType, socket);
            return;
        }
        // The chain as the JDK checks it for this handshake, then the name: an exact name here,
        // anything else by the JDK (which validates the chain again, cheaply, before the name).
        String identity = tls.getSSLParameters().getEndpointIdentificationAlgorithm();
        try {
            delegate.checkServerTrusted(chain, authType, new ChainOnlySocket(tls));
        } catch (CertificateException e) {
            throw new Failure(TlsException.Reason.UNTRUSTED, e.getMessage(), e);
        }
        if (identity == null || identity.isEmpty()
                || ("HTTPS".equalsIgnoreCase(identity) && namesHost(tls.getHandshakeSession(), chain[0]))) {
            return;
        }
        checkIdentity(chain, authType, socket);
    }

    private void checkIdentity(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw new Failure(TlsException.Reason.HOST_MISMATCH, e.getMessage(), e);
        }
    }

    /** The names the JDK checks, in its order: the SNI host name we sent, then the host we connected to. */
    private static boolean namesHost(SSLSession session, X509Certificate cert) {
        if (session == null) {
            return false;
        }
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName sni : extended.getRequestedServerNames()) {
                if (sni instanceof SNIHostName host && ExactHostMatch.matches(host.getAsciiName(), cert)) {
                    return true;
                }
            }
        }
        return ExactHostMatch.matches(session.getPeerHost(), cert);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkChain(chain, authType);
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw new Failure(TlsException.Reason.HOST_MISMATCH, e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkChain(chain, authType);
    }

    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new Failure(TlsException.Reason.UNTRUSTED, e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
