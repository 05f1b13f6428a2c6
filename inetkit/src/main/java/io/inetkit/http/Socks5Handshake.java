package io.inetkit.http;

import io.inetkit.net.Endpoint;
import io.inetkit.text.ConnectionClosedException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The client side of SOCKS5 (RFC 1928) with username/password authentication (RFC 1929). Host
 * names are sent to the proxy to resolve (remote DNS); IP literals are sent as addresses.
 */
final class Socks5Handshake {

    private Socks5Handshake() {}

    static void connect(Socket raw, Endpoint origin, Credentials credentials) throws IOException {
        OutputStream out = raw.getOutputStream();
        DataInputStream in = new DataInputStream(raw.getInputStream());
        try {
            if (credentials == null) {
                out.write(new byte[] {5, 1, 0});
            } else {
                out.write(new byte[] {5, 2, 0, 2});
            }
            out.flush();
            int version = in.readUnsignedByte();
            int method = in.readUnsignedByte();
            if (version != 5) {
                throw new ProxyException("the SOCKS proxy answered with version " + version + ", not 5", version);
            }
            if (method == 2 && credentials != null) {
                authenticate(out, in, credentials);
            } else if (method == 0xff) {
                throw new ProxyException("the SOCKS5 proxy accepts none of our authentication methods"
                        + (credentials == null ? " (it may want a user name and password)" : ""), method);
            } else if (method != 0) {
                throw new ProxyException("the SOCKS5 proxy chose an authentication method we did not offer: " + method, method);
            }
            out.write(request(origin));
            out.flush();
            readReply(in, origin);
        } catch (EOFException e) {
            throw new ConnectionClosedException("the SOCKS5 proxy closed the connection during the handshake", "");
        }
    }

    private static void authenticate(OutputStream out, DataInputStream in, Credentials c) throws IOException {
        byte[] user = c.user().getBytes(StandardCharsets.UTF_8);
        byte[] pass = c.password().getBytes(StandardCharsets.UTF_8);
        if (user.length > 255 || pass.length > 255) {
            throw new IllegalArgumentException("SOCKS5 user name and password must be at most 255 bytes each");
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(1);
        b.write(user.length);
        b.write(user);
        b.write(pass.length);
        b.write(pass);
        out.write(b.toByteArray());
        out.flush();
        in.readUnsignedByte(); // sub-negotiation version
        int status = in.readUnsignedByte();
        if (status != 0) {
            throw new ProxyException("the SOCKS5 proxy rejected the user name or password", status);
        }
    }

    private static byte[] request(Endpoint origin) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {5, 1, 0});
        String host = origin.host();
        if (isIpLiteral(host)) {
            byte[] addr = InetAddress.getByName(host).getAddress(); // a literal: no DNS lookup
            b.write(addr.length == 4 ? 1 : 4);
            b.write(addr);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) {
                throw new IllegalArgumentException("host name too long for SOCKS5: " + host);
            }
            b.write(3);
            b.write(name.length);
            b.write(name);
        }
        b.write(origin.port() >> 8);
        b.write(origin.port() & 0xff);
        return b.toByteArray();
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static void readReply(DataInputStream in, Endpoint origin) throws IOException {
        int version = in.readUnsignedByte();
        int reply = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        if (version != 5) {
            throw new ProxyException("the SOCKS proxy answered with version " + version + ", not 5", version);
        }
        if (reply != 0) {
            throw new ProxyException("the SOCKS5 proxy could not connect to " + origin + ": " + reason(reply), reply);
        }
        int skip = switch (type) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default -> throw new ProxyException("the SOCKS5 proxy sent an unknown address type " + type, type);
        };
        in.readFully(new byte[skip + 2]); // bound address and port: unused
    }

    private static String reason(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure";
            case 2 -> "connection not allowed by ruleset";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply code " + reply;
        };
    }
}
