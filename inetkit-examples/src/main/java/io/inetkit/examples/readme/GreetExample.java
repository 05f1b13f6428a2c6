package io.inetkit.examples.readme;

import io.inetkit.greet.GreetClient;
import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** README: the tutorial's greeting server and client. */
public final class GreetExample {
    private GreetExample() {
    }

    /**
     * Runs the tutorial's conversation.
     *
     * @return what the client printed
     * @throws IOException if the conversation fails
     */
    public static List<String> conversation() throws IOException {
        List<String> printed = new ArrayList<>();
        // README:greet
        GreetServerOptions options = GreetServerOptions.defaults()   // 127.0.0.1:9999, logs to stdout
                .withBind(new InetSocketAddress("127.0.0.1", 0));
        try (GreetServer server = GreetServer.start(options);
             GreetClient client = GreetClient.connect("127.0.0.1", server.localAddress().getPort(),
                     Duration.ofSeconds(10))) {
            printed.add(client.welcome());                  // Welcome!
            for (String name : List.of("Michael", "Tracy", "Sarah")) {
                printed.add(client.greet(name));            // Hello, Michael! ...
            }
        }                                                   // the client sends "exit"; the server stops
        // README:end
        return printed;
    }
}
