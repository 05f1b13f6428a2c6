package io.inetkit.bench.httpserver;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The peer: a minimal embedded Jetty 12 server, one {@link ServerConnector} on 127.0.0.1 and a
 * {@link ResourceHandler} over the folder, Jetty's defaults otherwise (QueuedThreadPool of up
 * to 200 threads, no request log, no directory listing).
 *
 * <p>Usage: {@code JettyStaticServerMain --port P --dir D}; prints {@code LISTENING <port>}
 * and serves until the process is killed.
 */
public final class JettyStaticServerMain {

    private JettyStaticServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P --dir D}
     * @throws Exception if Jetty fails to start
     */
    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args, true);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);

        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(options.dir().toAbsolutePath()));
        files.setDirAllowed(false);
        server.setHandler(files);

        server.start();
        ServerOptions.announce(connector.getLocalPort());
        server.join();
    }
}
