package io.inetkit.greet;

import io.inetkit.server.Connection;
import io.inetkit.server.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Serves one greeting conversation, as the tutorial's {@code tcplink} does. Messages are
 * echoed as bytes, not decoded: valid UTF-8 comes back unchanged, and a read that splits a
 * multi-byte character (or bytes that are not UTF-8) cannot make the handler fail the way
 * the tutorial's {@code data.decode('utf-8')} does.
 */
final class GreetHandler implements ConnectionHandler {
    private static final byte[] WELCOME = GreetProtocol.WELCOME.getBytes(StandardCharsets.UTF_8);
    /**
     * The size of the buffer a connection waits with. WHY not {@value GreetProtocol#MAX_MESSAGE_BYTES}:
     * a virtual thread parked in a read holds its buffer, so thousands of idle connections
     * would each hold a KiB they do not use. A read that returns less than this got everything
     * that was there, exactly what one read of 1024 bytes would have returned; only a read that
     * fills it reads on (see {@link #readMessage}).
     */
    static final int FIRST_READ_BYTES = 64;

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
        byte[] first = new byte[FIRST_READ_BYTES];
        while (true) {
            int n = connection.read(first, 0, first.length); // not read(first): one frame fewer where the thread parks
            if (n < 0 || GreetProtocol.isExit(first, n)) {
                return;
            }
            if (n < first.length) {
                connection.write(GreetProtocol.reply(first, n));
            } else {
                byte[] message = readMessage(connection, first);
                connection.write(GreetProtocol.reply(message, message.length));
            }
        }
    }

    /**
     * Completes a message whose first read filled {@code first}: takes what is already
     * available, up to {@value GreetProtocol#MAX_MESSAGE_BYTES} bytes in all, as one read
     * of that size would have. Never waits: only bytes already received are read.
     */
    private static byte[] readMessage(Connection connection, byte[] first) throws IOException {
        int available = Math.min(connection.input().available(), GreetProtocol.MAX_MESSAGE_BYTES - first.length);
        if (available <= 0) {
            return first;
        }
        byte[] message = Arrays.copyOf(first, first.length + available);
        int have = first.length;
        while (have < message.length) {
            int n = connection.read(message, have, message.length - have);
            if (n < 0) {
                break;
            }
            have += n;
        }
        return have == message.length ? message : Arrays.copyOf(message, have);
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
