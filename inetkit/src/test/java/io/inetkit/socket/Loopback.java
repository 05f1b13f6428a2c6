package io.inetkit.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** Test helpers: loopback addresses and connected pairs on real sockets. */
final class Loopback {
    private Loopback() {
    }

    static Address.Inet v4(int port) {
        return new Address.Inet(addr("127.0.0.1"), port);
    }

    static Address.Inet v6(int port) {
        return new Address.Inet(addr("::1"), port);
    }

    /**
     * SO_REUSEADDR for TCP sockets that bind port 0: other test suites on this machine can leave
     * tens of thousands of loopback ports in TIME_WAIT, and without it bind(0) may then fail.
     */
    static Socket reuse(Socket s) throws IOException {
        if (s.family() != Family.UNIX) {
            s.setOption(Options.SO_REUSEADDR, true);
        }
        return s;
    }

    static Address.Inet addrPort(String literal, int port) {
        return new Address.Inet(addr(literal), port);
    }

    /** Waits (without sleeping) until a thread blocks: a virtual thread parked on I/O is WAITING. */
    static void awaitParked(Thread thread) {
        while (thread.isAlive() && thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    static Address any(Family family, int port, Path dir) {
        return switch (family) {
            case INET -> v4(port);
            case INET6 -> v6(port);
            case UNIX -> Address.unix(dir.resolve("s" + System.nanoTime() + ".sock"));
        };
    }

    static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A listening server, a client connected to it and the server side of that connection. */
    record Pair(Socket listener, Socket client, Socket server) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
            listener.close();
        }
    }

    static Socket listener(Family family, Path dir) throws IOException {
        Socket listener = Socket.open(family, Kind.STREAM);
        reuse(listener);
        listener.bind(any(family, 0, dir));
        listener.listen(16);
        return listener;
    }

    static Pair pair(Family family, Path dir) throws IOException {
        Socket listener = listener(family, dir);
        Socket client = Socket.open(family, Kind.STREAM);
        client.connect(listener.localAddress());
        Socket server = listener.accept().socket();
        return new Pair(listener, client, server);
    }

    /**
     * A bound TCP socket that does not listen: the kernel refuses connections to its port just
     * as for a closed one, but no parallel test run can take the port meanwhile, and a connect
     * cannot pick it as its own source port (a TCP self-connect would "succeed").
     */
    static Socket refusing(Family family) throws IOException {
        Socket s = reuse(Socket.open(family, Kind.STREAM));
        s.bind(any(family, 0, null));
        return s;
    }

    static int port(Socket s) throws IOException {
        return ((Address.Inet) s.localAddress()).port();
    }
}
