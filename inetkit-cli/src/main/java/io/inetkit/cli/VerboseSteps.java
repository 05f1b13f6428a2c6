package io.inetkit.cli;

import io.inetkit.socket.IpText;
import io.inetkit.http.CallListener;
import io.inetkit.http.Headers;
import io.inetkit.http.HttpRequest;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The connection lines of {@code -v}, as curl writes them ({@code * Connected to ...}, the TLS
 * version and cipher, the server's certificate, a reused connection), then the same step
 * passed on to {@code next}.
 */
final class VerboseSteps implements CallListener {
    private final PrintWriter err;
    private final CallListener next;

    VerboseSteps(PrintWriter err, CallListener next) {
        this.err = err;
        this.next = next;
    }

    @Override
    public void resolved(HttpRequest request, String host, List<InetAddress> addresses) {
        next.resolved(request, host, addresses);
    }

    @Override
    public void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
        if (remote instanceof InetSocketAddress in && local instanceof InetSocketAddress from) {
            note("Connected to " + in.getHostString() + " (" + IpText.of(in.getAddress()) + ") port "
                    + in.getPort() + " from port " + from.getPort());
        } else if (remote instanceof UnixDomainSocketAddress unix) {
            // curl's words: "Connected to localhost (/run/docker.sock) port 80"
            URI uri = request.uri();
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            note("Connected to " + uri.getHost() + " (" + unix.getPath() + ") port " + port);
        }
        next.connected(request, remote, local);
    }

    @Override
    public void tlsHandshaken(HttpRequest request, SSLSession session) {
        note("TLS connection using " + session.getProtocol() + " / " + session.getCipherSuite());
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate c) {
                note("Server certificate:");
                note(" subject: " + c.getSubjectX500Principal().getName());
                note(" expire date: " + c.getNotAfter().toInstant());
                note(" issuer: " + c.getIssuerX500Principal().getName());
            }
        } catch (SSLPeerUnverifiedException e) {
            note("the server sent no certificate");
        }
        next.tlsHandshaken(request, session);
    }

    @Override
    public void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
        if (reused) {
            note("Re-using the connection to " + (remote instanceof InetSocketAddress in
                    ? in.getHostString() + " port " + in.getPort() : String.valueOf(remote)));
        }
        next.connectionAcquired(request, remote, local, reused);
    }

    @Override
    public void requestSent(HttpRequest request) {
        next.requestSent(request);
    }

    @Override
    public void responseStarted(HttpRequest request) {
        next.responseStarted(request);
    }

    @Override
    public void responseHeadersReceived(HttpRequest request, int status, Headers headers) {
        next.responseHeadersReceived(request, status, headers);
    }

    private void note(String line) {
        err.println("* " + line);
        err.flush();
    }
}
