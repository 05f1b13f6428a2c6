package io.inetkit.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses. The {@link #SYSTEM} resolver is the JDK's; tests may supply their own. */
@FunctionalInterface
public interface Resolver {

    /** The JDK's resolver ({@link InetAddress#getAllByName(String)}), with its own caching. */
    Resolver SYSTEM = new Resolver() { // a class, not a lambda: the JDK's AOT cache holds it, a lambda here was spun at run time
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    };

    /**
     * Resolves a host name or IP literal.
     *
     * @param host the host
     * @return at least one address
     * @throws UnknownHostException if the name has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * Resolves a host name for a connection to a port. The default ignores the port; a resolver
     * that pins a host and port to an address (curl's {@code --resolve HOST:PORT:ADDR}) overrides
     * it. The {@link Dialer} calls this one.
     *
     * @param host the host
     * @param port the port the caller will connect to
     * @return at least one address
     * @throws UnknownHostException if the name has no address
     */
    default List<InetAddress> resolve(String host, int port) throws UnknownHostException {
        return resolve(host);
    }
}
