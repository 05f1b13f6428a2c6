package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * A UDP server: one receive thread hands each datagram to a {@link DatagramHandler} (in its own
 * thread, see {@link Concurrency}), at most {@link ServerConfig#maxConnections()} at once.
 * Create one with {@link Server#udp}. The accept filter sees each datagram's sender; refused
 * and excess datagrams are dropped and counted as rejected.
 */
public final class DatagramServer implements Server {
    private final ServerCore core;
    private final DatagramHandler handler;
    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private volatile Thread loop;

    private DatagramServer(ServerCore core, DatagramHandler handler, DatagramChannel channel, InetSocketAddress local) {
        this.core = core;
        this.handler = handler;
        this.channel = channel;
        this.localAddress = local;
    }

    static DatagramServer bind(ServerConfig config, DatagramHandler handler) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, config.reuseAddress());
            if (config.reusePort()) {
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new IOException("SO_REUSEPORT is not supported on this platform");
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            BindFailures.bind(ch, config.bindAddress());
            return new DatagramServer(new ServerCore(config), handler, ch, (InetSocketAddress) ch.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
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
    public DatagramServer start() {
        core.markStarted();
        Thread t = new Thread(this::receiveLoop, core.config.name() + "-receive");
        loop = t;
        t.start();
        return this;
    }

    @Override
    public void serveForever() {
        core.markStarted();
        loop = Thread.currentThread();
        receiveLoop();
    }

    private void receiveLoop() {
        // One buffer for the server, not per datagram: each datagram is copied out at its size.
        ByteBuffer buffer = ByteBuffer.allocate(core.config.maxDatagramSize());
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
            SocketAddress sender;
            try {
                buffer.clear();
                sender = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                releaseIf(permit);
                break;
            } catch (IOException e) {
                releaseIf(permit);
                if (!core.running()) {
                    break;
                }
                ServerCore.LOG.log(Level.WARNING, core.config.name() + ": receive failed: " + e);
                continue;
            }
            if (!core.running()) {
                releaseIf(permit); // a datagram after shutdown began (maybe our wake-up): dropped
                break;
            }
            core.countAccepted();
            if (!acceptable(sender) || (!permit && !core.permits.tryAcquire())) {
                core.countRejected();
                releaseIf(permit);
                continue;
            }
            byte[] data = Arrays.copyOf(buffer.array(), buffer.position());
            DatagramTask task = new DatagramTask(core, channel, handler, new Datagram(data, sender), true);
            core.track(task, true);
            try {
                core.runner.execute(task);
            } catch (Throwable t) {
                task.abandon(t);
            }
        }
    }

    private boolean acceptable(SocketAddress sender) {
        try {
            return core.config.acceptFilter().test(sender);
        } catch (RuntimeException e) {
            ServerCore.LOG.log(Level.WARNING, core.config.name() + ": accept filter failed; dropping the datagram", e);
            return false;
        }
    }

    private void releaseIf(boolean permit) {
        if (permit) {
            core.permits.release();
        }
    }

    @Override
    public boolean shutdown(Duration grace) {
        boolean done = core.shutdown(grace, this::wakeReceiver, loop);
        closeChannel(); // after the grace period: handlers in flight could still reply until now
        return done;
    }

    /**
     * Stops receiving without closing the socket (handlers in flight may still reply): a
     * zero-length datagram to ourselves wakes the receive thread, which then sees the state.
     */
    private void wakeReceiver() {
        Thread t = loop;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            InetAddress target = localAddress.getAddress();
            if (target.isAnyLocalAddress()) {
                target = target instanceof Inet4Address ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("::1");
            }
            channel.send(ByteBuffer.allocate(0), new InetSocketAddress(target, localAddress.getPort()));
            if (t.join(Duration.ofMillis(200))) {
                return;
            }
        } catch (IOException e) {
            ServerCore.LOG.log(Level.DEBUG, () -> core.config.name() + ": wake-up datagram failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannel(); // the wake-up did not arrive (e.g. SO_REUSEPORT sent it elsewhere)
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            ServerCore.LOG.log(Level.DEBUG, () -> core.config.name() + ": closing the socket failed: " + e);
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
        return "DatagramServer[" + core.config.name() + " on " + localAddress + ", " + core.state() + "]";
    }
}
