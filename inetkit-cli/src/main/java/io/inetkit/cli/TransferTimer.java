package io.inetkit.cli;

import io.inetkit.http.CallListener;
import io.inetkit.http.Headers;
import io.inetkit.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLSession;

/**
 * Times the steps of one {@code inet get} for curl's {@code -w} variables. Every time runs from
 * the transfer's start. With redirects, the steps are those of the last exchange, and
 * {@code time_redirect} is when the response before it arrived. An exchange on a kept-alive
 * connection has no look-up, connect or handshake of its own: those times are when it got the
 * connection. Called on the one thread that runs the transfer.
 */
final class TransferTimer implements CallListener {
    private final long start;
    private HttpRequest current;
    private long namelookup;
    private long connect;
    private long appconnect;
    private long pretransfer;
    private long starttransfer;
    private long lastResponse;
    private long redirect;
    private int connects;
    private SocketAddress remote;
    private SocketAddress local;
    private int remotePort;

    /** @param startNanos the transfer's start, {@link System#nanoTime()} */
    TransferTimer(long startNanos) {
        this.start = startNanos;
    }

    /** A step of a request not seen before starts a new exchange: the previous one's times go. */
    private long step(HttpRequest request) {
        long now = System.nanoTime();
        if (request != current) {
            if (current != null) {
                redirect = lastResponse;
            }
            current = request;
            namelookup = connect = appconnect = pretransfer = starttransfer = 0;
        }
        return now;
    }

    @Override
    public void resolved(HttpRequest request, String host, List<InetAddress> addresses) {
        namelookup = step(request);
    }

    @Override
    public void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
        connect = step(request);
        connects++;
    }

    @Override
    public void tlsHandshaken(HttpRequest request, SSLSession session) {
        appconnect = step(request);
    }

    @Override
    public void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
        long now = step(request);
        if (reused) {
            namelookup = connect = now;
            if ("https".equalsIgnoreCase(request.uri().getScheme())) {
                appconnect = now;
            }
        }
        pretransfer = now;
        this.remote = remote;
        this.local = local;
        // curl reports the URL's port for a Unix socket, which has none
        this.remotePort = remote instanceof InetSocketAddress in ? in.getPort() : urlPort(request.uri());
    }

    @Override
    public void responseStarted(HttpRequest request) {
        starttransfer = step(request);
    }

    @Override
    public void responseHeadersReceived(HttpRequest request, int status, Headers headers) {
        lastResponse = step(request);
    }

    /** @return seconds from the start to {@code at}, or 0 when the step did not happen */
    private double seconds(long at) {
        return at == 0 ? 0 : (at - start) / 1e9;
    }

    double namelookup() {
        return seconds(namelookup);
    }

    double connect() {
        return seconds(connect);
    }

    double appconnect() {
        return seconds(appconnect);
    }

    double pretransfer() {
        return seconds(pretransfer);
    }

    double starttransfer() {
        return seconds(starttransfer);
    }

    double redirect() {
        return seconds(redirect);
    }

    /** @return how many new connections were made */
    int connects() {
        return connects;
    }

    /** @return the last connection's peer (the proxy, through one; a Unix socket's path), or null */
    SocketAddress remote() {
        return remote;
    }

    /** @return the last connection's peer port; for a Unix socket the URL's port, as curl says; 0 before any */
    int remotePort() {
        return remotePort;
    }

    /** @return the last connection's local address, or null */
    SocketAddress local() {
        return local;
    }

    private static int urlPort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
