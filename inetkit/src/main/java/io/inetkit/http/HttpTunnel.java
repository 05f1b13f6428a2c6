package io.inetkit.http;

import io.inetkit.net.Endpoint;
import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.HeaderBlock;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Opens a {@code CONNECT} tunnel through an HTTP proxy (RFC 9110 §9.3.6), for https to the origin. */
final class HttpTunnel {

    private HttpTunnel() {}

    static void open(Socket raw, Endpoint origin, Proxy.Http proxy, int maxLineLength) throws IOException {
        String authority = origin.toString();
        StringBuilder head = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.credentials() != null) {
            head.append("Proxy-Authorization: ").append(BasicAuth.header(proxy.credentials())).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = raw.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        LineReader in = new LineReader(raw.getInputStream(), StandardCharsets.ISO_8859_1, maxLineLength);
        String line = in.readLine();
        if (line == null) {
            throw new ConnectionClosedException("the proxy " + proxy.endpoint() + " closed the connection instead of answering CONNECT", "");
        }
        StatusLine st = StatusLine.parse(line);
        HeaderBlock.read(in, HeaderRules.HTTP);
        if (st.status() < 200 || st.status() > 299) {
            String why = st.status() == 407 ? (proxy.credentials() == null
                    ? " (the proxy wants credentials)" : " (the proxy refused the credentials)") : "";
            throw new ProxyException("the proxy " + proxy.endpoint() + " refused to connect to " + authority + ": "
                    + st.status() + " " + st.reason() + why, st.status());
        }
        if (in.buffered() > 0) {
            throw new ProxyException("the proxy " + proxy.endpoint() + " sent data after its CONNECT response", st.status());
        }
    }
}
