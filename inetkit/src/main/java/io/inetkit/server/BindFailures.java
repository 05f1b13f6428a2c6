package io.inetkit.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;

/** Binds listeners so that a failure names the address: the JDK's "Address already in use" does not. */
final class BindFailures {
    private BindFailures() {
    }

    static void bind(ServerSocketChannel ch, SocketAddress address, int backlog) throws IOException {
        try {
            ch.bind(address, backlog);
        } catch (BindException e) {
            throw explain(e, address);
        } catch (UnresolvedAddressException e) {
            throw unresolved(address);
        }
    }

    static void bind(DatagramChannel ch, SocketAddress address) throws IOException {
        try {
            ch.bind(address);
        } catch (BindException e) {
            throw explain(e, address);
        } catch (UnresolvedAddressException e) {
            throw unresolved(address);
        }
    }

    private static BindException explain(BindException e, SocketAddress address) {
        String reason = e.getMessage() == null ? "bind failed" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        BindException better = new BindException("cannot listen on " + describe(address) + ": " + reason);
        better.initCause(e);
        return better;
    }

    private static UnknownHostException unresolved(SocketAddress address) {
        return new UnknownHostException("cannot listen on " + describe(address) + ": the host name could not be resolved");
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
