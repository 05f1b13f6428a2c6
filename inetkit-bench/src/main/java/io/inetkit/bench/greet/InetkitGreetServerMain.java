package io.inetkit.bench.greet;

import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The benchmark's entry point for inetkit's greeting server: {@link GreetServer} bound to
 * loopback, with a backlog of 4096 and room for 30,000 connections (the idle test holds
 * 19,000). By default it runs in the product's mode, on event loops (one per available
 * processor: one when pinned to a core); {@link InetkitThreadsGreetServerMain} runs the
 * thread-per-connection mode.
 *
 * <p>The tutorial's log lines ({@code Accept new connection from ...}) go to a no-op sink:
 * the harness reads only {@code LISTENING <port>} from stdout, and a line per connection
 * written to a pipe nobody reads would block the server once the pipe fills.
 *
 * <p>Usage: {@code InetkitGreetServerMain --port P}; prints {@code LISTENING <port>}.
 */
public final class InetkitGreetServerMain {
    private static final int BACKLOG = 4096;
    private static final int MAX_CONNECTIONS = 30_000;

    private InetkitGreetServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P}
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        serve(args, GreetServerOptions.Mode.EVENT_LOOP);
    }

    /**
     * Starts the server in the given mode and blocks until the process is killed.
     *
     * @param args {@code --port P}
     * @param mode how connections are served
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    static void serve(String[] args, GreetServerOptions.Mode mode) throws IOException, InterruptedException {
        ServerArgs options = ServerArgs.parse(args);
        GreetServerOptions greet = GreetServerOptions.defaults()
                .withBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()))
                .withBacklog(BACKLOG)
                .withMaxConnections(MAX_CONNECTIONS)
                .withMode(mode)
                .withLog(line -> { });
        GreetServer server = GreetServer.start(greet);
        System.out.println("LISTENING " + server.localAddress().getPort());
        System.out.flush();
        server.awaitTermination();
    }
}
