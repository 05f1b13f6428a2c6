package io.inetkit.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/** Runs a {@link DatagramHandler} on one datagram and replies through the server's channel. */
final class DatagramTask implements Runnable, Tracked, Replier {
    private final ServerCore core;
    private final DatagramChannel channel;
    private final DatagramHandler handler;
    private final Datagram datagram;
    private final boolean holdsPermit;
    private volatile Thread thread;

    DatagramTask(ServerCore core, DatagramChannel channel, DatagramHandler handler, Datagram datagram, boolean holdsPermit) {
        this.core = core;
        this.channel = channel;
        this.handler = handler;
        this.datagram = datagram;
        this.holdsPermit = holdsPermit;
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Throwable failure = null;
        try {
            handler.handle(datagram, this);
        } catch (Throwable t) {
            failure = t;
        } finally {
            core.finished(this, true, holdsPermit, failure);
        }
    }

    void abandon(Throwable why) {
        core.finished(this, true, holdsPermit, why);
    }

    @Override
    public void reply(byte[] data) throws IOException {
        send(data, datagram.sender());
    }

    @Override
    public void send(byte[] data, SocketAddress target) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        channel.send(ByteBuffer.wrap(data), target); // DatagramChannel sends are thread-safe
    }

    @Override
    public void forceClose() {
        Thread t = thread;
        if (t != null) {
            t.interrupt(); // the socket is shared: only the thread can be stopped
        }
    }
}
