package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted server on a Unix-domain socket file, like {@link RawServer} for TCP. */
final class UnixServer implements AutoCloseable {
    final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> channels = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<RawServer.Request> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

    UnixServer(Path path, RawServer.Script script) throws IOException {
        this.path = path;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        acceptor = Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel ch = server.accept();
                    channels.add(ch);
                    connections.incrementAndGet();
                    handlers.add(Thread.ofVirtual().start(() -> {
                        try (ch) {
                            InputStream in = Channels.newInputStream(ch);
                            OutputStream out = Channels.newOutputStream(ch);
                            script.run(new RawServer.Conn(in, out));
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** A server answering every request of a connection with the responder, recording the requests. */
    static UnixServer keepAlive(Path path, RawServer.Responder responder) throws IOException {
        UnixServer[] self = new UnixServer[1];
        self[0] = new UnixServer(path, c -> {
            RawServer.Request r;
            while ((r = c.read()) != null) {
                self[0].requests.add(r);
                responder.respond(c, r);
            }
        });
        return self[0];
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (SocketChannel ch : channels) {
            ch.close();
        }
        acceptor.join();
        for (Thread t : handlers) {
            t.interrupt(); // scripts that block on a latch
            t.join();
        }
        Files.deleteIfExists(path);
    }
}
