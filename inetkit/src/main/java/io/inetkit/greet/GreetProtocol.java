package io.inetkit.greet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tutorial's greeting protocol. On connect the server sends {@value #WELCOME}; for
 * each message it receives it replies {@code Hello, <message>!}; the client ends the
 * conversation by sending {@value #EXIT} or by closing. Text is UTF-8, with no line
 * ending: a message is whatever one read returns, at most {@value #MAX_MESSAGE_BYTES}
 * bytes, as in the tutorial's {@code recv(1024)}.
 *
 * <p>That framing is the protocol's weak point: TCP may split or join what the client
 * sent. {@link GreetClient} avoids it by keeping one message in flight (it waits for each
 * reply before sending the next) and refusing messages longer than one read.
 */
public final class GreetProtocol {
    /** The tutorial's port (its listing binds 1024 by mistake; its client uses 9999). */
    public static final int DEFAULT_PORT = 9999;
    /** What the server sends first. */
    public static final String WELCOME = "Welcome!";
    /** The message that ends a conversation. */
    public static final String EXIT = "exit";
    /** The server's read size: a longer message arrives as several. */
    public static final int MAX_MESSAGE_BYTES = 1024;
    /** The names the tutorial's client sends. */
    public static final List<String> TUTORIAL_MESSAGES = List.of("Michael", "Tracy", "Sarah");

    private static final byte[] HELLO = "Hello, ".getBytes(StandardCharsets.US_ASCII);

    private GreetProtocol() {
    }

    /**
     * The reply to one message.
     *
     * @param message the bytes of one read, UTF-8
     * @param length how many of them
     * @return {@code Hello, <message>!} in UTF-8
     */
    public static byte[] reply(byte[] message, int length) {
        byte[] out = new byte[HELLO.length + length + 1];
        System.arraycopy(HELLO, 0, out, 0, HELLO.length);
        System.arraycopy(message, 0, out, HELLO.length, length);
        out[out.length - 1] = '!';
        return out;
    }

    /** @return the reply the server sends to {@code message} */
    public static String reply(String message) {
        return "Hello, " + message + "!";
    }

    /** @return whether one read's bytes are the {@value #EXIT} message */
    public static boolean isExit(byte[] message, int length) {
        return length == 4 && message[0] == 'e' && message[1] == 'x' && message[2] == 'i' && message[3] == 't';
    }

    /**
     * Checks that a client can send {@code message} as one message.
     *
     * @param message the message
     * @throws IllegalArgumentException if it is empty (nothing would be sent), is
     *     {@value #EXIT} (that ends the conversation) or longer than one read
     */
    public static void checkMessage(String message) {
        if (message.isEmpty()) {
            throw new IllegalArgumentException("a message must not be empty: the protocol cannot carry it");
        }
        if (message.equals(EXIT)) {
            throw new IllegalArgumentException("'exit' ends the conversation; it cannot be sent as a message");
        }
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("a message is at most " + MAX_MESSAGE_BYTES
                    + " bytes (one server read); this one has " + bytes);
        }
    }
}
