package io.inetkit.cli;

import io.inetkit.http.CallListener;
import io.inetkit.http.Headers;
import io.inetkit.http.HttpRequest;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.List;
import javax.net.ssl.SSLSession;

/**
 * The one {@link CallListener} of the client that several URLs of {@code inet get} share:
 * it passes each step on to the current transfer's timer.
 */
final class SwitchingListener implements CallListener {
    private volatile CallListener current = CallListener.NONE;

    /** From now on the steps go to {@code listener}. */
    void use(CallListener listener) {
        current = listener;
    }

    @Override
    public void resolved(HttpRequest request, String host, List<InetAddress> addresses) {
        current.resolved(request, host, addresses);
    }

    @Override
    public void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
        current.connected(request, remote, local);
    }

    @Override
    public void tlsHandshaken(HttpRequest request, SSLSession session) {
        current.tlsHandshaken(request, session);
    }

    @Override
    public void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
        current.connectionAcquired(request, remote, local, reused);
    }

    @Override
    public void requestSent(HttpRequest request) {
        current.requestSent(request);
    }

    @Override
    public void responseStarted(HttpRequest request) {
        current.responseStarted(request);
    }

    @Override
    public void responseHeadersReceived(HttpRequest request, int status, Headers headers) {
        current.responseHeadersReceived(request, status, headers);
    }
}
