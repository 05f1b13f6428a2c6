package io.inetkit.server;

import java.nio.ByteBuffer;

/**
 * Serves connections of an {@link EventServer} without a thread per connection, as Python's
 * {@code asyncio.Protocol} does ({@code connection_made}, {@code data_received},
 * {@code eof_received}, {@code connection_lost}): the server calls these methods on one of its
 * event-loop threads when something happens, and they must return quickly and never block.
 *
 * <p>Every callback of one connection runs on the same loop thread, one at a time, so a
 * protocol needs no locks for its per-connection state. Code on other threads talks to a
 * connection through {@link EventConnection#write}, {@link EventConnection#close()} and
 * {@link EventConnection#execute}.
 *
 * <p><b>One instance per connection, or one for all.</b> The server asks its
 * {@code Supplier<StreamProtocol>} for an instance per connection. A protocol with state per
 * connection returns a new object each time and keeps the state in fields (the asyncio way;
 * about the cost of one small object). A stateless protocol returns the same instance every
 * time ({@code () -> shared}) and costs nothing per connection; it may keep small per-connection
 * state in {@link EventConnection#attach}. Either way callbacks of different connections may
 * run at the same time on different loops, so a shared instance must be thread-safe.
 *
 * <p>A callback that throws is logged; that connection is closed at once and counted as failed,
 * and the loop goes on serving the others.
 *
 * <p>Only {@link #received} must be written (as in asyncio, the other callbacks do nothing or
 * close by default), so a simple protocol is a lambda:
 *
 * <pre>{@code
 * StreamProtocol echo = (c, data) -> c.write(data);
 * try (EventServer server = Server.tcpEvents(ServerConfig.builder().port(7).build(), () -> echo)) {
 *     server.serveForever();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StreamProtocol {

    /**
     * A connection was accepted and registered with its loop: the place to greet the peer.
     * Does nothing by default.
     *
     * @param connection the new connection
     */
    default void connected(EventConnection connection) {
    }

    /**
     * Bytes arrived: what one read returned, at least one byte.
     *
     * @param connection the connection
     * @param data the loop's read buffer, shared by its connections (no copy, no allocation),
     *     holding the bytes between its position and limit; valid only during this call: copy
     *     what must be kept. Consuming it (moving its position) is fine, and so is writing it
     *     back ({@code connection.write(data)}): what cannot be sent at once is copied.
     */
    void received(EventConnection connection, ByteBuffer data);

    /**
     * The peer half-closed its side (end of input). The default closes the connection once the
     * queued writes are sent; override to go on writing (reading stops either way) and call
     * {@link EventConnection#close()} later.
     *
     * @param connection the connection
     */
    default void endOfInput(EventConnection connection) {
        connection.close();
    }

    /**
     * The connection is closed and will call nothing more: the place to release what the
     * protocol holds for it. Called exactly once per connection that was {@link #connected}.
     *
     * @param connection the closed connection (its addresses and counters still answer)
     * @param failureOrNull why it closed abnormally (a reset, an idle timeout, a callback that
     *     threw, the server shutting down), or {@code null} after a normal close
     */
    default void closed(EventConnection connection, Throwable failureOrNull) {
    }
}
