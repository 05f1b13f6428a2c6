package io.inetkit.examples;

import io.inetkit.socket.Accepted;
import io.inetkit.socket.Address;
import io.inetkit.socket.Family;
import io.inetkit.socket.Kind;
import io.inetkit.socket.Socket;
import io.inetkit.socket.Option;
import io.inetkit.socket.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The tutorial's multi-threaded greeting server (seed item 4) line by line with
 * {@link io.inetkit.socket}, its bugs fixed: it binds port 9999, accepts on the socket it
 * bound, and does not sleep. Each connection gets a virtual thread where the tutorial
 * starts a platform thread. {@link io.inetkit.greet.GreetServer} is the production version.
 */
public final class GreetingServerExample {
    private GreetingServerExample() {
    }

    /**
     * Binds and listens as the tutorial does.
     *
     * @param port the port (the tutorial's 9999; 0 for any)
     * @return the listening socket
     * @throws IOException if the port cannot be bound
     */
    public static Socket listen(int port) throws IOException {
        Socket s = Socket.open(Family.INET, Kind.STREAM);
        Option<Boolean> reuse = Options.SO_REUSEADDR;
        s.setOption(reuse, true);
        s.bind(new Address.Inet(InetAddress.getLoopbackAddress(), port));
        s.listen(5);
        return s;
    }

    /**
     * Accepts connections until the listening socket is closed.
     *
     * @param s the listening socket
     * @param log where the tutorial's log lines go
     */
    public static void serve(Socket s, PrintStream log) {
        log.println("Waiting for connection...");
        while (true) {
            Accepted accepted;
            try {
                accepted = s.accept();
            } catch (IOException e) {
                return; // closed: stop serving
            }
            Thread.ofVirtual().start(() -> tcplink(accepted, log));
        }
    }

    private static void tcplink(Accepted accepted, PrintStream log) {
        String addr = accepted.peer().toString();
        log.println("Accept new connection from " + addr + "...");
        try (Socket sock = accepted.socket()) {
            sock.send("Welcome!".getBytes(StandardCharsets.UTF_8));
            while (true) {
                byte[] data = sock.recv(1024);
                if (data.length == 0 || new String(data, StandardCharsets.UTF_8).equals("exit")) {
                    break;
                }
                sock.sendAll(("Hello, " + new String(data, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            log.println("Connection from " + addr + " failed: " + e.getMessage());
        }
        log.println("Connection from " + addr + " closed.");
    }

    /**
     * Runs the server on port 9999 (or the first argument) until killed.
     *
     * @param args optional port
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        serve(listen(args.length > 0 ? Integer.parseInt(args[0]) : 9999), System.out);
    }
}
