package io.inetkit.net;

import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A read-only view of a TLS socket in mid-handshake, identical to it for the JDK's trust manager
 * except that it asks for no endpoint identification. Handed to
 * {@code X509ExtendedTrustManager.checkServerTrusted(chain, authType, socket)}, it gets the
 * chain validated exactly as for the real socket (the handshake's signature-algorithm
 * constraints, stapled OCSP responses), without the host-name check, which
 * {@link CheckingTrustManager} does next.
 */
final class ChainOnlySocket extends SSLSocket {
    private final SSLSocket socket;

    ChainOnlySocket(SSLSocket socket) {
        this.socket = socket;
    }

    @Override
    public SSLParameters getSSLParameters() {
        SSLParameters p = socket.getSSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return socket.getHandshakeSession();
    }

    @Override
    public SSLSession getSession() {
        return socket.getHandshakeSession(); // never the real getSession(): it would start a handshake
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return socket.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return socket.getEnabledCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return socket.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return socket.getEnabledProtocols();
    }

    @Override
    public boolean getUseClientMode() {
        return socket.getUseClientMode();
    }

    @Override
    public boolean getNeedClientAuth() {
        return socket.getNeedClientAuth();
    }

    @Override
    public boolean getWantClientAuth() {
        return socket.getWantClientAuth();
    }

    @Override
    public boolean getEnableSessionCreation() {
        return socket.getEnableSessionCreation();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        throw readOnly();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        throw readOnly();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        throw readOnly();
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        throw readOnly();
    }

    @Override
    public void startHandshake() {
        throw readOnly();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        throw readOnly();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        throw readOnly();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        throw readOnly();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a read-only view for certificate checks");
    }
}
