package io.inetkit.greet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The greeting server: the tutorial's conversation, and peers that misbehave. Runs on the
 * event loops (the default); {@link GreetServerThreadsTest} runs the same tests with a
 * thread per connection.
 */
@Timeout(30)
class GreetServerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    /** Counts down when a connection's last log line arrives (the peer may see the close first). */
    private final CountDownLatch closeLogged = new CountDownLatch(1);
    private GreetServer server;

    /** {@return how the server under test serves its connections} */
    GreetServerOptions.Mode mode() {
        return GreetServerOptions.Mode.EVENT_LOOP;
    }

    private GreetServer start(Duration idle) throws IOException {
        server = GreetServer.start(GreetServerOptions.defaults()
                .withMode(mode())
                .withBind(new InetSocketAddress("127.0.0.1", 0))
                .withIdleTimeout(idle)
                .withLog(line -> {
                    log.add(line);
                    if (line.endsWith(" closed.")) {
                        closeLogged.countDown();
                    }
                }));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(2));
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.localAddress().getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheTutorialConversationAndLogsIt() throws Exception {
        start(Duration.ofMinutes(1));
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            assertThat(read(in, 8)).isEqualTo("Welcome!");
            out.write("Michael".getBytes(StandardCharsets.UTF_8));
            assertThat(read(in, 15)).isEqualTo("Hello, Michael!");
            out.write("exit".getBytes(StandardCharsets.UTF_8));
            assertThat(in.read()).as("the server closes after exit").isEqualTo(-1);
        }
        server.shutdown(Duration.ofSeconds(5));
        assertThat(log).hasSize(3);
        assertThat(log.get(1)).matches("Accept new connection from 127\\.0\\.0\\.1:\\d+\\.\\.\\.");
        assertThat(log.get(2)).matches("Connection from 127\\.0\\.0\\.1:\\d+ closed\\.");
        assertThat(server.stats().completed()).isEqualTo(1);
    }

    @Test
    void echoesBytesThatAreNotUtf8InsteadOfFailing() throws Exception {
        start(Duration.ofMinutes(1));
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            read(in, 8);
            s.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xfe});
            byte[] reply = in.readNBytes(10);
            assertThat(reply).containsExactly('H', 'e', 'l', 'l', 'o', ',', ' ', 0xff, 0xfe, '!');
        }
    }

    @Test
    void messagesAroundTheFirstReadSizeComeBackWhole() throws Exception {
        start(Duration.ofMinutes(1));
        try (GreetClient client = GreetClient.connect("127.0.0.1", server.localAddress().getPort(), Duration.ofSeconds(5))) {
            for (int length : new int[] {1, GreetHandler.FIRST_READ_BYTES - 1, GreetHandler.FIRST_READ_BYTES,
                    GreetHandler.FIRST_READ_BYTES + 1, 500, GreetProtocol.MAX_MESSAGE_BYTES}) {
                String message = "m".repeat(length);
                assertThat(client.greet(message)).as("a message of %d bytes", length).isEqualTo("Hello, " + message + "!");
            }
        }
    }

    @Test
    void aLongerMessageIsAnsweredInReadsOfAtMost1024Bytes() throws Exception {
        start(Duration.ofMinutes(1));
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            assertThat(read(in, 8)).isEqualTo("Welcome!");
            byte[] message = new byte[GreetProtocol.MAX_MESSAGE_BYTES + 10];
            java.util.Arrays.fill(message, (byte) 'a');
            s.getOutputStream().write(message);
            // 1034 bytes in one write come back as two replies (1024 + 10 bytes), or more
            // when TCP splits them; in all, 1034 'a's, each reply framed by "Hello, " and "!".
            int as = 0;
            int replies = 0;
            while (as < message.length) {
                assertThat(read(in, 7)).isEqualTo("Hello, ");
                int run = 0;
                int c;
                while ((c = in.read()) == 'a') {
                    run++;
                }
                assertThat(c).isEqualTo('!');
                assertThat(run).isBetween(1, GreetProtocol.MAX_MESSAGE_BYTES);
                as += run;
                replies++;
            }
            assertThat(as).isEqualTo(message.length);
            assertThat(replies).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anEndlessMessageIsServedInBoundedReadsAndOthersStillGetServed() throws Exception {
        start(Duration.ofMinutes(1));
        try (Socket flood = connect(); GreetClient other = GreetClient.connect("127.0.0.1",
                server.localAddress().getPort(), Duration.ofSeconds(5))) {
            InputStream in = flood.getInputStream();
            read(in, 8);
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 160; i++) { // 10 MiB without a break
                flood.getOutputStream().write(chunk);
            }
            assertThat(other.greet("Tracy")).isEqualTo("Hello, Tracy!");
            flood.close();
            reader.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSilentPeerIsClosedAfterTheIdleTimeout() throws Exception {
        start(Duration.ofMillis(300));
        // Timed from before connecting: the server's deadline starts later than that, so the
        // close can come no sooner than 300 ms from here, however loaded the machine is.
        long t0 = System.nanoTime();
        try (Socket silent = connect()) {
            InputStream in = silent.getInputStream();
            assertThat(read(in, 8)).isEqualTo("Welcome!");
            assertThat(in.read()).as("closed by the server").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
        // The watchdog of the thread-per-connection server closes the socket before the handler logs.
        assertThat(closeLogged.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(log).anyMatch(line -> line.endsWith(" closed."));
    }

    @Test
    void aPeerThatResetsMidMessageDoesNotStopTheServer() throws Exception {
        start(Duration.ofMinutes(1));
        try (Socket s = connect()) {
            read(s.getInputStream(), 8);
            s.getOutputStream().write("half a mess".getBytes(StandardCharsets.UTF_8));
            s.setSoLinger(true, 0); // close with RST
        }
        try (GreetClient client = GreetClient.connect("127.0.0.1", server.localAddress().getPort(),
                Duration.ofSeconds(5))) {
            assertThat(client.greet("Sarah")).isEqualTo("Hello, Sarah!");
        }
    }

    @Test
    void shutdownLetsAConversationInFlightFinish() throws Exception {
        start(Duration.ofMinutes(1));
        GreetClient client = GreetClient.connect("127.0.0.1", server.localAddress().getPort(), Duration.ofSeconds(5));
        Thread stopper = Thread.ofVirtual().start(() -> server.shutdown(Duration.ofSeconds(10)));
        assertThat(client.greet("Michael")).isEqualTo("Hello, Michael!");
        client.close();
        stopper.join(Duration.ofSeconds(10));
        assertThat(stopper.isAlive()).isFalse();
        assertThat(server.stats().completed()).isEqualTo(1);
        assertThat(server.stats().failed()).isZero();
    }
}
