package io.inetkit.net;

import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns JSSE's handshake exceptions into a {@link TlsException} with a reason and a clear message. */
final class TlsErrors {
    private TlsErrors() {}

    static IOException translate(IOException e, String host, int port) {
        if (e instanceof TlsException) {
            return e;
        }
        String where = host + ":" + port;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckingTrustManager.Failure f) {
                return switch (f.reason) {
                    case UNTRUSTED -> new TlsException(f.reason,
                            "TLS to " + where + " failed: the server's certificate is untrusted ("
                                    + plain(f.getMessage()) + ")", e);
                    case HOST_MISMATCH -> new TlsException(f.reason,
                            "TLS to " + where + " failed: host name mismatch, the certificate is not valid for "
                                    + host + " (" + plain(f.getMessage()) + ")", e);
                    default -> new TlsException(f.reason, "TLS to " + where + " failed: " + f.getMessage(), e);
                };
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (e instanceof SSLHandshakeException && (msg.contains("protocol") || msg.contains("cipher suite"))) {
            return new TlsException(TlsException.Reason.PROTOCOL_VERSION,
                    "TLS to " + where + " failed: no common protocol version or cipher suite (" + msg + ")", e);
        }
        if (e instanceof SSLException) {
            return new TlsException(TlsException.Reason.HANDSHAKE,
                    "TLS handshake with " + where + " failed: " + msg, e);
        }
        return e; // a plain I/O error (timeout, reset) keeps its own type
    }

    /**
     * JSSE nests its reasons as "class.Name: text"; users need the text only
     * ("PKIX path building failed: sun.security...Exception: unable to find valid
     * certification path" becomes "unable to find valid certification path").
     */
    static String plain(String message) {
        if (message == null) {
            return "no reason given";
        }
        String m = message;
        int i;
        while ((i = m.indexOf("Exception: ")) >= 0) {
            m = m.substring(i + "Exception: ".length());
        }
        if (m.startsWith("PKIX path building failed: ")) {
            m = m.substring("PKIX path building failed: ".length());
        }
        return m;
    }
}
