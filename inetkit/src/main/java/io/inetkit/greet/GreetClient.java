package io.inetkit.greet;

import io.inetkit.net.Dialer;
import io.inetkit.net.Endpoint;
import io.inetkit.net.Timeouts;
import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The tutorial's greeting client (seed item 5). It keeps one message in flight and reads
 * each reply to its full, known length ({@code Hello, } + message + {@code !}), so TCP
 * splitting a reply cannot garble the conversation the way the tutorial's single
 * {@code recv(1024)} can.
 *
 * <pre>{@code
 * try (GreetClient client = GreetClient.connect("127.0.0.1", 9999, Duration.ofSeconds(10))) {
 *     System.out.println(client.welcome());          // Welcome!
 *     System.out.println(client.greet("Michael"));   // Hello, Michael!
 * }                                                  // sends "exit", then closes
 * }</pre>
 *
 * <p>Not thread-safe: one conversation, one thread.
 */
public final class GreetClient implements AutoCloseable {
    private static final byte[] EXIT = GreetProtocol.EXIT.getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String welcome;
    private boolean closed;

    private GreetClient(Socket socket, String welcome) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.welcome = welcome;
    }

    /**
     * Connects and reads the server's welcome.
     *
     * @param host the server's host name or address
     * @param port the server's port
     * @param timeout the connect timeout and the longest wait for each reply
     * @return the connected client
     * @throws IOException if the host is unknown, the connection is refused or times out,
     *     or the server does not greet with {@value GreetProtocol#WELCOME}
     */
    public static GreetClient connect(String host, int port, Duration timeout) throws IOException {
        Dialer dialer = Dialer.builder().timeouts(Timeouts.DEFAULT.withConnect(timeout).withRead(timeout)).build();
        Socket socket = dialer.connect(Endpoint.of(host, port));
        try {
            byte[] expected = GreetProtocol.WELCOME.getBytes(StandardCharsets.UTF_8);
            byte[] got = readExactly(socket.getInputStream(), expected.length, "the welcome");
            if (!Arrays.equals(expected, got)) {
                throw new MalformedReplyException("not a greeting server: it said "
                        + quote(got) + " instead of " + quote(expected));
            }
            return new GreetClient(socket, GreetProtocol.WELCOME);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** {@return the server's welcome, {@value GreetProtocol#WELCOME}} */
    public String welcome() {
        return welcome;
    }

    /**
     * Sends one message and waits for its reply.
     *
     * @param message the message, 1 to {@value GreetProtocol#MAX_MESSAGE_BYTES} bytes of
     *     UTF-8, not {@value GreetProtocol#EXIT}
     * @return the reply, {@code Hello, <message>!}
     * @throws IOException if the connection fails, times out or the reply is not the greeting
     */
    public String greet(String message) throws IOException {
        GreetProtocol.checkMessage(message);
        if (closed) {
            throw new IllegalStateException("the conversation is closed");
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        byte[] expected = GreetProtocol.reply(bytes, bytes.length);
        byte[] got = readExactly(in, expected.length, "the reply to " + quote(bytes));
        if (!Arrays.equals(expected, got)) {
            throw new MalformedReplyException("unexpected reply " + quote(got) + " to " + quote(bytes));
        }
        return new String(got, StandardCharsets.UTF_8);
    }

    /** Sends {@value GreetProtocol#EXIT} (if the connection still works) and closes. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (socket) {
            out.write(EXIT);
            out.flush();
        } catch (IOException e) {
            // The peer is gone already; closing is all that is left to do.
        }
    }

    private static byte[] readExactly(InputStream in, int length, String what) throws IOException {
        byte[] buf = new byte[length];
        int have = 0;
        while (have < length) {
            int n = in.read(buf, have, length - have);
            if (n < 0) {
                throw new ConnectionClosedException("the server closed the connection before sending "
                        + what, new String(buf, 0, have, StandardCharsets.UTF_8));
            }
            have += n;
        }
        return buf;
    }

    private static String quote(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
    }
}
