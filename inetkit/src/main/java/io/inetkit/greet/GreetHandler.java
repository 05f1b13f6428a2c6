package io.inetkit.greet;

import io.inetkit.server.Connection;
import io.inetkit.server.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Serves one greeting conversation, as the tutorial's {@code tcplink} does. Messages are
 * echoed as bytes, not decoded: valid UTF-8 comes back unchanged, and a read that splits a
 * multi-byte character (or bytes that are not UTF-8) cannot make the handler fail the way
 * the tutorial's {@code data.decode('utf-8')} does.
 */
final class GreetHandler implements ConnectionHandler {
    private static final byte[] WELCOME = GreetProtocol.WELCOME.getBytes(StandardCharsets.UTF_8);

    private final Consumer<String> log;

    GreetHandler(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void setup(Connection connection) {
        log.accept("Accept new connection from " + describe(connection.peerAddress()) + "...");
    }

    @Override
    public void handle(Connection connection) throws IOException {
        connection.write(WELCOME);
        byte[] buffer = new byte[GreetProtocol.MAX_MESSAGE_BYTES];
        while (true) {
            int n = connection.read(buffer);
            if (n < 0 || GreetProtocol.isExit(buffer, n)) {
                return;
            }
            connection.write(GreetProtocol.reply(buffer, n));
        }
    }

    @Override
    public void finish(Connection connection) {
        log.accept("Connection from " + describe(connection.peerAddress()) + " closed.");
    }

    /** {@code host:port} as the tutorial prints it; IPv6 hosts in brackets so the port stays readable. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
