package io.inetkit.greet;

import io.inetkit.server.EventConnection;
import io.inetkit.server.StreamProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The greeting conversation on the event-loop server: what {@link GreetHandler} does, as
 * callbacks. One instance serves every connection (it holds no per-connection state), so a
 * connection costs no protocol object.
 *
 * <p>A message is what one read returns, at most {@value GreetProtocol#MAX_MESSAGE_BYTES}
 * bytes, as in the tutorial. The loop reads up to 64 KiB at once, so a longer read is cut into
 * messages of {@value GreetProtocol#MAX_MESSAGE_BYTES} bytes and one shorter rest, each answered
 * on its own, as the blocking handler's reads of 1024 bytes would have been; a piece that is
 * exactly {@value GreetProtocol#EXIT} ends the conversation. The replies of one read leave in
 * one write, built in the loop's output buffer (no allocation per message).
 */
final class GreetEventProtocol implements StreamProtocol {
    private static final byte[] WELCOME = GreetProtocol.WELCOME.getBytes(StandardCharsets.UTF_8);
    private static final byte[] HELLO = "Hello, ".getBytes(StandardCharsets.US_ASCII);

    private final Consumer<String> log;

    GreetEventProtocol(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void connected(EventConnection connection) {
        log.accept("Accept new connection from " + GreetHandler.describe(connection.peerAddress()) + "...");
        connection.write(WELCOME);
    }

    @Override
    public void received(EventConnection connection, ByteBuffer data) {
        ByteBuffer out = connection.outputBuffer();
        int end = data.limit();
        while (data.position() < end) {
            int start = data.position();
            int n = Math.min(end - start, GreetProtocol.MAX_MESSAGE_BYTES);
            if (isExit(data, start, n)) {
                send(connection, out);
                connection.close();
                return;
            }
            if (out.remaining() < HELLO.length + n + 1) {
                send(connection, out);
                out.clear();
            }
            data.limit(start + n);
            out.put(HELLO).put(data).put((byte) '!');
            data.limit(end);
        }
        send(connection, out);
    }

    private static void send(EventConnection connection, ByteBuffer out) {
        out.flip();
        if (out.hasRemaining()) {
            connection.write(out);
        }
    }

    private static boolean isExit(ByteBuffer data, int at, int n) {
        return n == 4 && data.get(at) == 'e' && data.get(at + 1) == 'x' && data.get(at + 2) == 'i' && data.get(at + 3) == 't';
    }

    @Override
    public void closed(EventConnection connection, Throwable failureOrNull) {
        log.accept("Connection from " + GreetHandler.describe(connection.peerAddress()) + " closed.");
    }
}
