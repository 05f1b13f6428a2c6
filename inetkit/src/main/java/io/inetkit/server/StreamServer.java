package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A TCP (optionally TLS) or Unix-domain stream server: one accept thread, each connection
 * served in its own thread (see {@link Concurrency}), at most
 * {@link ServerConfig#maxConnections()} at once. Create one with {@link Server#tcp} or
 * {@link Server#unix}.
 */
public final class StreamServer implements Server {
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final ServerCore core;
    private final ConnectionHandler handler;
    private final ServerSocketChannel listener;
    private final SocketAddress localAddress;
    private final boolean unix;
    private final UnixSocketFile socketFile;
    private final Gatekeeper gate;
    private volatile Thread loop;
    private volatile Watchdog watchdog;

    private StreamServer(ServerCore core, ConnectionHandler handler, ServerSocketChannel listener,
            SocketAddress localAddress, boolean unix, UnixSocketFile socketFile) {
        this.core = core;
        this.handler = handler;
        this.listener = listener;
        this.localAddress = localAddress;
        this.unix = unix;
        this.socketFile = socketFile;
        this.gate = new Gatekeeper(core, unix);
    }

    static StreamServer bind(ServerConfig config, ConnectionHandler handler) throws IOException {
        Listener l = Listener.open(config);
        return new StreamServer(new ServerCore(config), handler, l.channel(), l.localAddress(), l.unix(), l.socketFile());
    }

    @Override
    public SocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public ServerConfig config() {
        return core.config;
    }

    @Override
    public StreamServer start() {
        core.markStarted();
        watchdog = Watchdog.start(core);
        // WHY a virtual accept thread: it runs on the same carriers as the handlers, so
        // starting a handler is a local queue push, and waiting for the next connection parks
        // instead of blocking an OS thread; a platform accept thread costs a context switch
        // and a carrier wake-up per connection. The non-daemon keeper keeps the JVM alive
        // while the server runs, as a platform accept thread did.
        Thread t = Thread.ofVirtual().name(core.config.name() + "-accept").unstarted(this::acceptLoop);
        loop = t;
        Thread keeper = new Thread(() -> awaitEnd(t), core.config.name() + "-keeper");
        t.start();
        keeper.start();
        return this;
    }

    @Override
    public void serveForever() {
        core.markStarted();
        watchdog = Watchdog.start(core);
        loop = Thread.currentThread();
        acceptLoop();
    }

    private static void awaitEnd(Thread t) {
        while (true) {
            try {
                t.join();
                return;
            } catch (InterruptedException e) {
                // only the server's end lets the JVM exit
            }
        }
    }

    private void acceptLoop() {
        long backoff = 0;
        while (core.running()) {
            boolean permit = false;
            if (core.overloadWaits) {
                core.permits.acquireUninterruptibly(); // shutdown releases extra permits to wake us
                permit = true;
                if (!core.running()) {
                    core.permits.release();
                    break;
                }
            }
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                releaseIf(permit);
                break;
            } catch (IOException e) {
                releaseIf(permit);
                if (!core.running()) {
                    break;
                }
                // e.g. too many open files: back off instead of spinning on the same error
                backoff = Math.min(Math.max(5, backoff * 2), MAX_BACKOFF_MILLIS);
                ServerCore.LOG.log(Level.WARNING, core.config.name() + ": accept failed, retrying in " + backoff + " ms: " + e);
                pause(backoff);
                continue;
            }
            backoff = 0;
            dispatch(ch, permit);
        }
    }

    private void dispatch(SocketChannel ch, boolean permit) {
        core.countAccepted();
        if (!admits(ch)) {
            core.countRejected();
            Gatekeeper.closeQuietly(ch);
            releaseIf(permit);
            return;
        }
        if (!permit && !core.permits.tryAcquire()) {
            gate.refuse(ch);
            return;
        }
        ConnectionTask task = new ConnectionTask(core, ch, handler, true, true, unix);
        core.track(task, true);
        try {
            core.runner.execute(task);
        } catch (Throwable t) {
            task.abandon(t); // frees the slot although the handler never started
        }
    }

    private boolean admits(SocketChannel ch) {
        try {
            return gate.admits(ch.getRemoteAddress());
        } catch (IOException e) {
            return false; // the peer is already gone
        }
    }

    private void releaseIf(boolean permit) {
        if (permit) {
            core.permits.release();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean shutdown(Duration grace) {
        boolean done = core.shutdown(grace, this::stopAccepting, loop);
        Watchdog w = watchdog;
        if (w != null) {
            w.stop();
        }
        return done;
    }

    private void stopAccepting() {
        try {
            listener.close();
        } catch (IOException e) {
            ServerCore.LOG.log(Level.DEBUG, () -> core.config.name() + ": closing the listener failed: " + e);
        } finally {
            if (socketFile != null) {
                socketFile.delete();
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
        return "StreamServer[" + core.config.name() + " on " + localAddress + ", " + core.state() + "]";
    }
}
