package io.inetkit.examples.readme;

import io.inetkit.socket.Accepted;
import io.inetkit.socket.Address;
import io.inetkit.socket.Family;
import io.inetkit.socket.Kind;
import io.inetkit.socket.Socket;
import io.inetkit.socket.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** README: the socket API, Python's semantics in Java. */
public final class SocketExample {
    private SocketExample() {
    }

    /**
     * Echoes one message through a listening socket and a client socket.
     *
     * @return what the client received
     * @throws Exception if the conversation fails
     */
    public static String echoOnce() throws Exception {
        // README:socket
        try (Socket server = Socket.open(Family.INET, Kind.STREAM)) {
            server.bind(new Address.Inet(InetAddress.getLoopbackAddress(), 0));   // port 0: any free port
            server.listen(5);
            int port = ((Address.Inet) server.localAddress()).port();

            Thread.ofVirtual().start(() -> {
                try {
                    Accepted a = server.accept();                 // the connection and the peer's address
                    try (Socket conn = a.socket()) {
                        byte[] data = conn.recv(1024);            // empty at EOF, as in Python
                        conn.sendAll(data);
                    }
                } catch (IOException e) {
                    System.err.println("echo failed: " + e.getMessage());
                }
            });

            try (Socket client = Sockets.createConnection("127.0.0.1", port, Duration.ofSeconds(5))) {
                client.setTimeout(Duration.ofSeconds(5));         // null blocks, ZERO is non-blocking
                client.sendAll("ping".getBytes(StandardCharsets.UTF_8));
                return new String(client.recv(1024), StandardCharsets.UTF_8);   // "ping"
            }
        }
        // README:end
    }
}
