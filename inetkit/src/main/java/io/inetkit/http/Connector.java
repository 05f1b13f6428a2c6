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
        // instanceof, not a pattern switch: each pattern switch spins a class at run time
        // (SwitchBootstraps) that the AOT cache cannot hold, ~5 ms of every `inet get`.
        Proxy proxy = route.proxy();
        Endpoint first = proxy instanceof Proxy.Http h ? h.endpoint()
                : proxy instanceof Proxy.Socks5 s ? s.endpoint()
                : origin; // Proxy.Direct
        Socket raw = dialer.connect(first);
        try {
            if (proxy instanceof Proxy.Http h && route.https()) {
                HttpTunnel.open(raw, origin, h, maxLineLength);
            } else if (proxy instanceof Proxy.Socks5 s) {
                Socks5Handshake.connect(raw, origin, s.credentials());
            }
            Socket socket = route.https() ? dialer.tls().upgrade(raw, origin.host(), origin.port()) : raw;
            return new HttpConnection(route, raw, socket, maxLineLength, dialer.timeouts().readMillis());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
