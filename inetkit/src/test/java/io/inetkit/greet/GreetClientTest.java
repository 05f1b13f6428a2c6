package io.inetkit.greet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.text.ConnectionClosedException;
import io.inetkit.text.MalformedReplyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The greeting client against peers that are not what it expects. */
@Timeout(30)
class GreetClientTest {

    /** A one-connection server that runs {@code script} on the accepted socket. */
    private interface Script {
        void run(Socket s) throws Exception;
    }

    private static ServerSocket serveOnce(Script script) throws IOException {
        ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket s = listener.accept()) {
                script.run(s);
            } catch (Exception e) {
                // the test asserts on what the client saw
            }
        });
        return listener;
    }

    @Test
    void refusesAServerThatDoesNotGreet() throws Exception {
        try (ServerSocket l = serveOnce(s -> s.getOutputStream().write("220 smtp.example ESMTP".getBytes()))) {
            assertThatThrownBy(() -> GreetClient.connect("127.0.0.1", l.getLocalPort(), Duration.ofSeconds(5)))
                    .isInstanceOf(MalformedReplyException.class)
                    .hasMessageContaining("not a greeting server");
        }
    }

    @Test
    void reportsAServerThatClosesBeforeReplying() throws Exception {
        try (ServerSocket l = serveOnce(s -> {
            s.getOutputStream().write("Welcome!".getBytes());
            s.getInputStream().read(new byte[16]);
        })) {
            try (GreetClient c = GreetClient.connect("127.0.0.1", l.getLocalPort(), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> c.greet("Michael"))
                        .isInstanceOf(ConnectionClosedException.class)
                        .hasMessageContaining("closed the connection");
            }
        }
    }

    @Test
    void readsAReplyThatArrivesInPieces() throws Exception {
        try (ServerSocket l = serveOnce(s -> {
            s.getOutputStream().write("Wel".getBytes());
            s.getOutputStream().flush();
            s.getOutputStream().write("come!".getBytes());
            byte[] buf = new byte[1024];
            int n = s.getInputStream().read(buf);
            String reply = "Hello, " + new String(buf, 0, n, StandardCharsets.UTF_8) + "!";
            for (byte b : reply.getBytes(StandardCharsets.UTF_8)) {
                s.getOutputStream().write(b);
                s.getOutputStream().flush();
            }
        })) {
            try (GreetClient c = GreetClient.connect("127.0.0.1", l.getLocalPort(), Duration.ofSeconds(5))) {
                assertThat(c.greet("Tracy")).isEqualTo("Hello, Tracy!");
            }
        }
    }

    @Test
    void timesOutOnASilentServer() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket l = serveOnce(s -> done.await())) {
            assertThatThrownBy(() -> GreetClient.connect("127.0.0.1", l.getLocalPort(), Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class);
        } finally {
            done.countDown();
        }
    }

    @Test
    void connectionRefusedAndUnknownHostAreClear() throws Exception {
        int port;
        try (ServerSocket l = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = l.getLocalPort();
        }
        assertThatThrownBy(() -> GreetClient.connect("127.0.0.1", port, Duration.ofSeconds(2)))
                .isInstanceOf(ConnectException.class).hasMessageContaining("refused");
        assertThatThrownBy(() -> GreetClient.connect("no-such-host.invalid", 9999, Duration.ofSeconds(2)))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void refusesMessagesTheProtocolCannotCarry() {
        assertThatThrownBy(() -> GreetProtocol.checkMessage("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> GreetProtocol.checkMessage("exit")).hasMessageContaining("ends the conversation");
        assertThatThrownBy(() -> GreetProtocol.checkMessage("é".repeat(513))).hasMessageContaining("1026");
        GreetProtocol.checkMessage("é".repeat(512));
    }
}
