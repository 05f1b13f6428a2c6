package io.inetkit.greet;

/** Every {@link GreetServerTest} against the thread-per-connection server. */
class GreetServerThreadsTest extends GreetServerTest {

    @Override
    GreetServerOptions.Mode mode() {
        return GreetServerOptions.Mode.THREAD_PER_CONNECTION;
    }
}
