package io.inetkit.testing;

import io.inetkit.net.Endpoint;
import io.inetkit.server.Connection;
import io.inetkit.server.ConnectionHandler;
import io.inetkit.server.Server;
import io.inetkit.server.ServerConfig;
import io.inetkit.server.StreamServer;
import io.inetkit.server.TlsListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * A test server on 127.0.0.1, port 0, that plays a {@link Script} on each connection and
 * records both directions byte for byte (built on {@link Server#tcp}). When the client says
 * something else than the script expects, says nothing within the expect timeout, or leaves
 * early, the script stops and the server keeps a report with the whole transcript so far;
 * {@link #verify()} and {@link #close()} throw it as an {@link AssertionError}.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start(Script.fromTranscript("""
 *         S: 220 mx ESMTP
 *         C: QUIT
 *         S: 221 bye
 *         """))) {
 *     ... connect a client to server.endpoint() and talk ...
 *     server.verify();
 * }
 * }</pre>
 *
 * <p>By default one connection is expected; more are a failure. {@link Builder#connections(int)},
 * {@link Builder#sequence(Script...)} and {@link Builder#everyConnection()} change that.
 */
public final class ScriptedServer implements AutoCloseable {
    /** The default bound of each expect (and pause) step. */
    public static final Duration DEFAULT_EXPECT_TIMEOUT = Duration.ofSeconds(5);
    /** Extra time {@link #verify()} and {@link #close()} give running scripts beyond one expect timeout. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final List<Script> scripts;
    private final int expected; // connections to serve; 0 = every connection
    private final Duration timeout;
    private final StreamServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ScriptedConnection> connections = new ArrayList<>();
    private int ended;
    private boolean reported;

    private ScriptedServer(Builder b) throws IOException {
        this.scripts = b.scripts.stream().map(Script::copy).toList();
        this.expected = b.every ? 0 : b.connections;
        this.timeout = b.timeout;
        ServerConfig.Builder config = ServerConfig.builder().port(0).idleTimeout(timeout)
                .closeGrace(Duration.ZERO).name("scripted-server");
        if (b.tls != null) {
            config.tls(TlsListener.of(b.tls));
        }
        this.server = Server.tcp(config.build(), new Handler());
        server.start();
    }

    /**
     * Starts a server that plays the script on one connection.
     *
     * @param script the script
     * @return the running server
     * @throws IOException when the server cannot bind
     */
    public static ScriptedServer start(Script script) throws IOException {
        return builder().script(script).start();
    }

    /** {@return a builder: one connection, 5 s expect timeout, plain TCP} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the port the server listens on} */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@return where to connect: 127.0.0.1 and {@link #port()}} */
    public Endpoint endpoint() {
        return Endpoint.of("127.0.0.1", port());
    }

    /**
     * Waits until the expected connections (with {@link Builder#everyConnection()}: at least
     * one) have come and every connection that came has ended.
     *
     * @param limit the longest to wait
     * @return true when done, false when the time ran out
     * @throws InterruptedException when interrupted
     */
    public boolean awaitDone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        lock.lock();
        try {
            while (!done()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits (bounded: one expect timeout and a second) for the scripts to end, then fails when
     * any script failed, a connection is missing, or a script is still running.
     *
     * @throws AssertionError with every failure report, each holding its transcript
     * @throws InterruptedException when interrupted while waiting
     */
    public void verify() throws InterruptedException {
        awaitDone(timeout.plus(SLACK));
        String problems = problems();
        if (!problems.isEmpty()) {
            lock.lock();
            try {
                reported = true;
            } finally {
                lock.unlock();
            }
            throw new AssertionError(problems);
        }
    }

    /** {@return the connections so far, in the order they came} */
    public List<ScriptedConnection> connections() {
        lock.lock();
        try {
            return List.copyOf(connections);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One connection's record.
     *
     * @param index 0 for the first connection
     * @return the record
     * @throws IllegalStateException when that connection has not come (yet)
     */
    public ScriptedConnection connection(int index) {
        List<ScriptedConnection> all = connections();
        if (index < 0 || index >= all.size()) {
            throw new IllegalStateException("connection " + index + " has not come; " + all.size() + " so far");
        }
        return all.get(index);
    }

    /**
     * Waits for the scripts to end as {@link #verify()} does, stops the server, and then fails
     * like {@code verify()} unless a failed {@code verify()} already reported (and waited).
     *
     * @throws AssertionError when a script failed
     */
    @Override
    public void close() {
        boolean interrupted = false;
        try {
            awaitDone(isReported() ? Duration.ZERO : timeout.plus(SLACK)); // a failed verify() already waited
        } catch (InterruptedException e) {
            interrupted = true;
        }
        String problems = problems(); // before shutting down: force-closed scripts would add noise
        server.shutdown(Duration.ZERO);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean first;
        lock.lock();
        try {
            first = !reported;
            reported = true;
        } finally {
            lock.unlock();
        }
        if (first && !problems.isEmpty()) {
            throw new AssertionError(problems);
        }
    }

    private boolean isReported() {
        lock.lock();
        try {
            return reported;
        } finally {
            lock.unlock();
        }
    }

    private boolean done() {
        int came = connections.size();
        return came >= Math.max(expected, 1) && ended == came; // unexpected connections must end too
    }

    private String problems() {
        StringBuilder sb = new StringBuilder();
        lock.lock();
        try {
            for (ScriptedConnection c : connections) {
                c.failure().ifPresent(f -> sb.append(f).append('\n'));
                if (!c.isDone()) {
                    sb.append("ScriptedServer connection ").append(c.index()).append(" was still running its script"
                            + " when the test ended\n  transcript so far:\n").append(c.transcript()).append('\n');
                }
            }
            int came = connections.size();
            if (expected > 0 && came < expected) {
                sb.append("ScriptedServer expected ").append(expected).append(" connection(s), ").append(came).append(" came\n");
            } else if (expected == 0 && came == 0) {
                sb.append("ScriptedServer expected a connection, none came\n");
            }
        } finally {
            lock.unlock();
        }
        return sb.toString();
    }

    /** Registers each connection, picks its script and records the end. */
    private final class Handler implements ConnectionHandler {
        @Override
        public void handle(Connection connection) {
            Script script;
            ScriptedConnection log;
            lock.lock();
            try {
                int index = connections.size();
                script = expected != 0 && index >= expected ? null : scripts.get(Math.min(index, scripts.size() - 1));
                log = new ScriptedConnection(index, script == null ? scripts.getFirst().charset() : script.charset());
                connections.add(log);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                if (script == null) {
                    log.fail("ScriptedServer connection " + log.index() + " was not expected: the server plays its script on "
                            + expected + " connection(s)\n");
                } else {
                    new ScriptRunner(script, timeout, log).run(connection);
                }
            } finally {
                log.markDone();
                lock.lock();
                try {
                    ended++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Configures and starts a {@link ScriptedServer}. */
    public static final class Builder {
        private final List<Script> scripts = new ArrayList<>();
        private int connections = 1;
        private boolean every;
        private Duration timeout = DEFAULT_EXPECT_TIMEOUT;
        private SSLContext tls;

        private Builder() {
        }

        /**
         * Plays this script on each connection.
         *
         * @param script the script
         * @return this builder
         */
        public Builder script(Script script) {
            scripts.clear();
            scripts.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        /**
         * Plays one script per connection, in order; exactly that many connections are expected.
         *
         * @param perConnection the first connection's script, the second's, ...
         * @return this builder
         */
        public Builder sequence(Script... perConnection) {
            if (perConnection.length == 0) {
                throw new IllegalArgumentException("a sequence needs at least one script");
            }
            scripts.clear();
            scripts.addAll(List.of(perConnection));
            connections = perConnection.length;
            every = false;
            return this;
        }

        /**
         * Expects exactly {@code n} connections (default 1); more are failures.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder connections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("connections must be at least 1, got " + n);
            }
            connections = n;
            every = false;
            return this;
        }

        /** {@return this builder, playing the script on every connection, however many come} */
        public Builder everyConnection() {
            every = true;
            return this;
        }

        /**
         * Bounds each expect and pause step (default 5 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder expectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("expect timeout must be at least 1 ms, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Serves implicit TLS (IMAPS, POP3S, SMTPS, FTPS): the handshake precedes the script.
         *
         * @param context holds the server's key and certificate
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IOException when binding fails
         */
        public ScriptedServer start() throws IOException {
            if (scripts.isEmpty()) {
                throw new IllegalStateException("no script: call script(...) or sequence(...)");
            }
            if (scripts.size() > 1 && (every || connections != scripts.size())) {
                throw new IllegalStateException("a sequence of " + scripts.size() + " scripts serves exactly "
                        + scripts.size() + " connections");
            }
            return new ScriptedServer(this);
        }
    }
}
