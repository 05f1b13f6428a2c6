package io.inetkit.examples;

import io.inetkit.socket.Address;
import io.inetkit.socket.Family;
import io.inetkit.socket.Kind;
import io.inetkit.socket.Socket;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tutorial's greeting client (seed item 5) line by line with {@link io.inetkit.socket}.
 * Like the tutorial it prints what one {@code recv(1024)} returns, which is enough on
 * loopback with one message in flight; {@link io.inetkit.greet.GreetClient} reads each
 * reply to its full length.
 */
public final class GreetingClientExample {
    private GreetingClientExample() {
    }

    /**
     * Talks to a greeting server as the tutorial's client does.
     *
     * @param port the server's port on 127.0.0.1
     * @param out where the replies are printed
     * @throws IOException if the conversation fails
     */
    public static void run(int port, PrintStream out) throws IOException {
        try (Socket s = Socket.open(Family.INET, Kind.STREAM)) {
            s.connect(new Address.Inet(InetAddress.getLoopbackAddress(), port));
            out.println(new String(s.recv(1024), StandardCharsets.UTF_8));
            for (String data : List.of("Michael", "Tracy", "Sarah")) {
                s.send(data.getBytes(StandardCharsets.UTF_8));
                out.println(new String(s.recv(1024), StandardCharsets.UTF_8));
            }
            s.send("exit".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs the client against 127.0.0.1:9999 (or the port given).
     *
     * @param args optional port
     * @throws IOException if the conversation fails
     */
    public static void main(String[] args) throws IOException {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 9999, System.out);
    }
}
