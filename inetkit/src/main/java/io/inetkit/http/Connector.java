package io.inetkit.http;

import io.inetkit.net.DialListener;
import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** Opens connections for a route: TCP to the origin or proxy, the proxy handshake, then TLS to the origin. */
final class Connector {

    private final Dialer dialer;
    private final int maxLineLength;

    Connector(Dialer dialer, int maxLineLength) {
        this.dialer = dialer;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Opens a connection for the route.
     *
     * @param route where to
     * @param request the request it is opened for, named to the listener
     * @param listener hears resolution, TCP connection and TLS handshake
     */
    HttpConnection connect(Route route, HttpRequest request, CallListener listener) throws IOException {
        Endpoint origin = route.origin();
        // instanceof, not a pattern switch: each pattern switch spins a class at run time
        // (SwitchBootstraps) that the AOT cache cannot hold, ~5 ms of every `inet get`.
        Proxy proxy = route.proxy();
        Endpoint first = proxy instanceof Proxy.Http h ? h.endpoint()
                : proxy instanceof Proxy.Socks5 s ? s.endpoint()
                : origin; // Proxy.Direct
        Socket raw = dialer.connect(first, listener == CallListener.NONE ? DialListener.NONE : new Relay(request, listener));
        try {
            if (proxy instanceof Proxy.Http h && route.https()) {
                HttpTunnel.open(raw, origin, h, maxLineLength);
            } else if (proxy instanceof Proxy.Socks5 s) {
                Socks5Handshake.connect(raw, origin, s.credentials());
            }
            Socket socket = raw;
            if (route.https()) {
                SSLSocket tls = dialer.tls().upgrade(raw, origin.host(), origin.port());
                listener.tlsHandshaken(request, tls.getSession());
                socket = tls;
            }
            return new HttpConnection(route, raw, socket, maxLineLength, dialer.timeouts().readMillis());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Passes the dialer's steps on to the call's listener. */
    private record Relay(HttpRequest request, CallListener listener) implements DialListener {
        @Override
        public void resolved(Endpoint endpoint, List<InetAddress> addresses) {
            listener.resolved(request, endpoint.host(), addresses);
        }

        @Override
        public void connected(Endpoint endpoint, Socket socket) {
            listener.connected(request, socket.getRemoteSocketAddress(), socket.getLocalSocketAddress());
        }
    }
}
