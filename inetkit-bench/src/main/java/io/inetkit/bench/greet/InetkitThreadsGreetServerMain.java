package io.inetkit.bench.greet;

import io.inetkit.greet.GreetServerOptions;
import java.io.IOException;

/**
 * The benchmark's entry point for inetkit's thread-per-connection greeting server (a virtual
 * thread per connection, blocking code): the column {@code inetkit-threads}, kept beside the
 * event-loop server {@link InetkitGreetServerMain} to show what the event loops change.
 *
 * <p>Usage: {@code InetkitThreadsGreetServerMain --port P}; prints {@code LISTENING <port>}.
 */
public final class InetkitThreadsGreetServerMain {

    private InetkitThreadsGreetServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P}
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        InetkitGreetServerMain.serve(args, GreetServerOptions.Mode.THREAD_PER_CONNECTION);
    }
}
