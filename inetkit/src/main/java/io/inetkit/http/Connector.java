package io.inetkit.http;

import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import java.io.IOException;
import java.net.Socket;

/** Opens connections for a route: TCP to the origin or proxy, the proxy handshake, then TLS to the origin. */
final class Connector {

    private final Dialer dialer;
    private final int maxLineLength;

    Connector(Dialer dialer, int maxLineLength) {
        this.dialer = dialer;
        this.maxLineLength = maxLineLength;
    }

    HttpConnection connect(Route route) throws IOException {
        Endpoint origin = route.origin();
        Endpoint first = switch (route.proxy()) {
            case Proxy.Direct d -> origin;
            case Proxy.Http h -> h.endpoint();
            case Proxy.Socks5 s -> s.endpoint();
        };
        Socket raw = dialer.connect(first);
        try {
            switch (route.proxy()) {
                case Proxy.Direct d -> { }
                case Proxy.Http h -> {
                    if (route.https()) {
                        HttpTunnel.open(raw, origin, h, maxLineLength);
                    }
                }
                case Proxy.Socks5 s -> Socks5Handshake.connect(raw, origin, s.credentials());
            }
            Socket socket = route.https() ? dialer.tls().upgrade(raw, origin.host(), origin.port()) : raw;
            return new HttpConnection(route, raw, socket, maxLineLength, dialer.timeouts().readMillis());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
