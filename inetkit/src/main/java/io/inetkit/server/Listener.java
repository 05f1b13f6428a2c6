package io.inetkit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * A bound, listening stream socket (TCP or Unix-domain) as both stream servers open it.
 *
 * @param channel the listening channel
 * @param localAddress where it listens, with the real port when port 0 was asked
 * @param unix whether it is a Unix-domain listener
 * @param socketFile the Unix socket file to delete on close, or null
 */
record Listener(ServerSocketChannel channel, SocketAddress localAddress, boolean unix, UnixSocketFile socketFile) {

    /**
     * Binds and listens as the configuration says: SO_REUSEADDR/SO_REUSEPORT, backlog, and for
     * Unix sockets the removal of a stale socket file.
     *
     * @param config the configuration
     * @return the listener
     * @throws IOException when binding fails
     */
    static Listener open(ServerConfig config) throws IOException {
        boolean unix = config.bindAddress() instanceof UnixDomainSocketAddress;
        if (unix) {
            UnixSocketFile.removeStale(((UnixDomainSocketAddress) config.bindAddress()).getPath());
        }
        ServerSocketChannel ch = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
        try {
            if (!unix) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, config.reuseAddress());
                if (config.reusePort()) {
                    if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                        throw new IOException("SO_REUSEPORT is not supported on this platform");
                    }
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
            }
            BindFailures.bind(ch, config.bindAddress(), config.backlog());
            SocketAddress local = ch.getLocalAddress();
            UnixSocketFile file = unix ? UnixSocketFile.created(((UnixDomainSocketAddress) local).getPath()) : null;
            return new Listener(ch, local, unix, file);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Closes the listener (new peers are refused at once) and deletes the socket file. Idempotent. */
    void close(String serverName) {
        try {
            channel.close();
        } catch (IOException e) {
            ServerCore.LOG.log(Level.DEBUG, () -> serverName + ": closing the listener failed: " + e);
        } finally {
            if (socketFile != null) {
                socketFile.delete();
            }
        }
    }
}
