package io.inetkit.server;

import java.util.Objects;

/**
 * What a server does with a connection that arrives while
 * {@link ServerConfig#maxConnections()} connections are being served.
 *
 * <ul>
 *   <li>{@link #waitForSlot()} (the default): stop accepting until a connection ends; new
 *       peers wait in the kernel's listen backlog.</li>
 *   <li>{@link #close()}: accept and close at once, counted as rejected.</li>
 *   <li>{@link #busy(ConnectionHandler)}: accept and run a small handler (in its own virtual
 *       thread, outside the limit) that may write a "busy" message; the server then closes the
 *       connection. Counted as rejected.</li>
 * </ul>
 * UDP servers treat {@code close} and {@code busy} alike: the datagram is dropped.
 */
public sealed interface OverloadPolicy {

    /** Wait for a free slot. */
    record Wait() implements OverloadPolicy {
    }

    /** Close excess connections at once. */
    record Close() implements OverloadPolicy {
    }

    /**
     * Run a short handler on excess connections, then close them.
     *
     * @param handler writes the busy message; it should not read much, nor for long
     */
    record Busy(ConnectionHandler handler) implements OverloadPolicy {

        /**
         * Checks the handler.
         *
         * @param handler the busy handler
         */
        public Busy {
            Objects.requireNonNull(handler, "handler");
        }
    }

    /** {@return the policy that waits for a free slot (the default)} */
    static OverloadPolicy waitForSlot() {
        return new Wait();
    }

    /** {@return the policy that closes excess connections at once} */
    static OverloadPolicy close() {
        return new Close();
    }

    /**
     * The policy that runs a busy handler on excess connections.
     *
     * @param handler writes the busy message
     * @return the policy
     */
    static OverloadPolicy busy(ConnectionHandler handler) {
        return new Busy(handler);
    }
}
