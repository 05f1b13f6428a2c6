package io.inetkit.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A TCP or Unix-domain stream server in readiness (event-loop) mode: a few platform threads,
 * each with a JDK {@link java.nio.channels.Selector}, serve every connection through a
 * non-blocking {@link StreamProtocol}, as Python's {@code asyncio} serves an
 * {@code asyncio.Protocol}. No thread per connection: an idle connection costs its socket and
 * a few hundred bytes of heap (no buffer, no queue), and a round trip costs one read and one
 * write system call. Create one
 * with {@link Server#tcpEvents} or {@link Server#unixEvents}.
 *
 * <p>Threads: {@link ServerConfig#eventLoops()} daemon loop threads (one per processor by
 * default) named {@code <name>-loop-<i>}; loop 0 also accepts, then hands connections to the
 * loops in turn. {@link #start()} adds a non-daemon keeper thread, so a running server keeps
 * the JVM alive as the blocking server does; {@link #serveForever()} runs loop 0 in the caller.
 *
 * <p>From {@link ServerConfig} it honours the bind address, backlog, SO_REUSEADDR/PORT, the
 * accept filter, the idle timeout (no read or write progress for that long closes the
 * connection, counted as failed), the connection limit with every {@link OverloadPolicy}
 * ({@code busy} handlers run as in the blocking server, in a virtual thread each), TCP_NODELAY,
 * the counters, {@link ServerConfig#maxWriteQueueBytes()} and the close grace.
 * {@link ServerConfig#concurrency()} is the blocking server's; here only {@code serial} matters
 * (one connection at a time). TLS is not offered in event mode (see {@link Server#tcpEvents}).
 *
 * <p>{@link #shutdown(Duration)} stops accepting at once; connections go on until they end or
 * the grace period is over, then the rest are closed. Called on a loop thread (from a
 * callback), it closes the listener, lets the rest of the sequence run in a new thread and
 * returns false at once: waiting there would stop the very loop that serves the connections.
 */
public final class EventServer implements Server {
    final ServerCore core;
    private final Supplier<? extends StreamProtocol> protocols;
    private final Listener listener;
    private final EventLoop[] loops;
    private final EventAcceptor acceptor;
    final Gatekeeper gate;
    private final AtomicBoolean backgroundShutdown = new AtomicBoolean();
    private volatile boolean started;
    private volatile Watchdog watchdog;

    private EventServer(ServerConfig config, Supplier<? extends StreamProtocol> protocols, Listener listener) throws IOException {
        this.core = new ServerCore(config);
        this.gate = new Gatekeeper(core, listener.unix());
        this.protocols = protocols;
        this.listener = listener;
        int n = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
        this.loops = new EventLoop[n];
        try {
            for (int i = 0; i < n; i++) {
                loops[i] = new EventLoop(this, config.name() + "-loop-" + i);
            }
            this.acceptor = new EventAcceptor(this, listener.channel(), loops, listener.unix());
        } catch (IOException | RuntimeException e) {
            closeSelectors();
            throw e;
        }
    }

    static EventServer bind(ServerConfig config, Supplier<? extends StreamProtocol> protocols) throws IOException {
        Listener l = Listener.open(config);
        try {
            return new EventServer(config, protocols, l);
        } catch (IOException | RuntimeException e) {
            l.close(config.name());
            throw e;
        }
    }

    @Override
    public SocketAddress localAddress() {
        return listener.localAddress();
    }

    @Override
    public ServerConfig config() {
        return core.config;
    }

    /** {@return the number of event-loop threads} */
    public int eventLoops() {
        return loops.length;
    }

    @Override
    public EventServer start() {
        begin();
        for (EventLoop loop : loops) {
            Thread.ofPlatform().name(loop.name()).daemon(true).start(loop);
        }
        Thread.ofPlatform().name(core.config.name() + "-keeper").daemon(false)
                .start(() -> loops[0].awaitEnd(Long.MAX_VALUE)); // only the server's end lets the JVM exit
        return this;
    }

    @Override
    public void serveForever() {
        begin();
        for (int i = 1; i < loops.length; i++) {
            Thread.ofPlatform().name(loops[i].name()).daemon(true).start(loops[i]);
        }
        loops[0].run();
    }

    private void begin() {
        core.markStarted();
        started = true;
        if (core.config.overloadPolicy() instanceof OverloadPolicy.Busy) {
            watchdog = Watchdog.start(core); // bounds the busy handlers' reads and writes
        }
    }

    StreamProtocol newProtocol() {
        return Objects.requireNonNull(protocols.get(), "the protocol factory returned null");
    }

    /** A connection counted by {@link ServerCore#openedOnLoop} ended. Any loop thread. */
    void ended(Throwable failure) {
        core.endedOnLoop(failure);
        acceptor.slotFreed();
    }

    @Override
    public boolean shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (onLoopThread()) {
            stopAccepting();
            if (backgroundShutdown.compareAndSet(false, true)) {
                Thread.ofPlatform().name(core.config.name() + "-shutdown").start(() -> shutdown(grace));
            }
            return false;
        }
        boolean done = core.shutdown(grace, this::stopAccepting, this::forceLoops, null);
        boolean loopsEnded = stopLoops();
        Watchdog w = watchdog;
        if (w != null) {
            w.stop();
        }
        return done && loopsEnded;
    }

    private boolean onLoopThread() {
        for (EventLoop loop : loops) {
            if (loop.inLoop()) {
                return true;
            }
        }
        return false;
    }

    private void stopAccepting() {
        listener.close(core.config.name());
        EventLoop home = loops[0];
        if (!started || home.inLoop() || home.ended()) {
            home.selector.wakeup(); // the selector drops the closed listener's key (and closes its socket) at once
            return;
        }
        // The JDK closes a registered channel's socket only when its selector drops the key, in
        // loop 0's next select: wait for it, so that no peer is queued in the backlog afterwards.
        CountDownLatch dropped = new CountDownLatch(1);
        home.execute(() -> home.afterNextSelect(dropped::countDown));
        try {
            dropped.await(ServerCore.FORCE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forceLoops() {
        for (EventLoop loop : loops) {
            loop.execute(loop::abortAll);
        }
    }

    private boolean stopLoops() {
        if (!started) {
            closeSelectors();
            return true;
        }
        for (EventLoop loop : loops) {
            loop.stop();
        }
        boolean all = true;
        long deadline = System.nanoTime() + ServerCore.FORCE_BOUND.toNanos();
        for (EventLoop loop : loops) {
            all &= loop.awaitEnd(Math.max(0, deadline - System.nanoTime()));
        }
        return all;
    }

    private void closeSelectors() {
        for (EventLoop loop : loops) {
            if (loop != null) {
                try {
                    loop.selector.close();
                } catch (IOException ignored) {
                    // nothing was registered that needs it
                }
            }
        }
    }

    @Override
    public void close() {
        shutdown(core.config.closeGrace());
    }

    @Override
    public Counters counters() {
        return core.counters();
    }

    @Override
    public ServerState state() {
        return core.state();
    }

    @Override
    public String toString() {
        return "EventServer[" + core.config.name() + " on " + listener.localAddress() + ", " + loops.length
                + " loops, " + core.state() + "]";
    }
}
