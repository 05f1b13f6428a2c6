package io.inetkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.greet.GreetClient;
import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import io.inetkit.socket.Address;
import io.inetkit.socket.Socket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial's client and server, as examples and as library classes, against each other. */
@Timeout(30)
class GreetingExamplesTest {
    private static final String TUTORIAL_OUTPUT = String.join(System.lineSeparator(),
            "Welcome!", "Hello, Michael!", "Hello, Tracy!", "Hello, Sarah!", "");

    @Test
    void exampleClientAgainstExampleServer() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (Socket listener = GreetingServerExample.listen(0)) {
            Thread server = Thread.ofVirtual().start(() -> GreetingServerExample.serve(listener, logStream));
            int port = ((Address.Inet) listener.localAddress()).port();
            assertThat(runClient(port)).isEqualTo(TUTORIAL_OUTPUT);
            listener.close();
            server.join(Duration.ofSeconds(5));
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("Waiting for connection...")
                .contains("Accept new connection from 127.0.0.1:");
    }

    @Test
    void exampleClientAgainstTheLibraryServer() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        GreetServer server = GreetServer.start(GreetServerOptions.defaults()
                .withBind(new InetSocketAddress("127.0.0.1", 0)).withLog(log::add));
        try {
            assertThat(runClient(server.localAddress().getPort())).isEqualTo(TUTORIAL_OUTPUT);
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).isEqualTo("Waiting for connection...");
        assertThat(log.get(1)).matches("Accept new connection from 127\\.0\\.0\\.1:\\d+\\.\\.\\.");
        assertThat(log.get(2)).matches("Connection from 127\\.0\\.0\\.1:\\d+ closed\\.");
    }

    @Test
    void libraryClientAgainstExampleServer() throws Exception {
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
        try (Socket listener = GreetingServerExample.listen(0)) {
            Thread.ofVirtual().start(() -> GreetingServerExample.serve(listener, discard));
            int port = ((Address.Inet) listener.localAddress()).port();
            try (GreetClient client = GreetClient.connect("127.0.0.1", port, Duration.ofSeconds(5))) {
                assertThat(client.welcome()).isEqualTo("Welcome!");
                assertThat(client.greet("Michael")).isEqualTo("Hello, Michael!");
                assertThat(client.greet("你好")).isEqualTo("Hello, 你好!");
            }
        }
    }

    private static String runClient(int port) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GreetingClientExample.run(port, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
