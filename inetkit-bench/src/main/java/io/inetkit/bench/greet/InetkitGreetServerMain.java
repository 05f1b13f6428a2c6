package io.inetkit.bench.greet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's entry point for inetkit's greeting server.
 *
 * <p><b>PLACEHOLDER.</b> Until {@code io.inetkit.greet.GreetServer} exists this runs a plain
 * virtual-thread-per-connection server on a blocking {@link ServerSocketChannel}, so the
 * harness can run end to end. Numbers measured with it are NOT inetkit's.
 *
 * <p>Usage: {@code InetkitGreetServerMain --port P}; prints {@code LISTENING <port>}.
 */
public final class InetkitGreetServerMain {

    private static final byte[] WELCOME = "Welcome!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HELLO = "Hello, ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_MESSAGE = 1024;

    private InetkitGreetServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P}
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        ServerArgs options = ServerArgs.parse(args);
        // TODO(lead): replace this body with io.inetkit.greet.GreetServer (bound to loopback,
        //  options.port()), keeping the CLI contract: --port P, print "LISTENING <port>" once bound.
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 4096);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            System.out.println("LISTENING " + port);
            System.out.flush();
            while (true) {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            }
        }
    }

    private static void serve(SocketChannel client) {
        try (client) {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            writeFully(client, ByteBuffer.wrap(WELCOME));
            ByteBuffer in = ByteBuffer.allocate(MAX_MESSAGE);
            ByteBuffer out = ByteBuffer.allocate(HELLO.length + MAX_MESSAGE + 1);
            while (true) {
                in.clear();
                if (client.read(in) < 0) {
                    return;
                }
                in.flip();
                if (in.equals(ByteBuffer.wrap(EXIT))) {
                    return;
                }
                out.clear();
                out.put(HELLO).put(in).put((byte) '!').flip();
                writeFully(client, out);
            }
        } catch (IOException e) {
            // the peer reset or vanished: only this connection ends
        }
    }

    private static void writeFully(SocketChannel client, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }
}
