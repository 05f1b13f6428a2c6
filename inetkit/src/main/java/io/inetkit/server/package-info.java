/**
 * The socketserver: TCP (optionally TLS), Unix-domain stream and UDP servers with a virtual
 * thread per connection, connection limits, an accept filter, idle timeouts and graceful
 * shutdown; and the same for TCP and Unix-domain streams in event-loop mode
 * ({@link io.inetkit.server.Server#tcpEvents Server.tcpEvents}: a few selector threads serve
 * every connection through a non-blocking {@link io.inetkit.server.StreamProtocol}, as
 * Python's {@code asyncio.Protocol} does). The ideas of Python's {@code socketserver} (a server accepts, a handler owns one
 * connection with setup/handle/finish), with composition instead of mixins; the threading
 * follows Helidon 4 (one accept thread, a virtual thread per connection, a semaphore bounding
 * connections).
 *
 * <p>The tutorial's greeting server:
 * <pre>{@code
 * ConnectionHandler greet = c -> {
 *     byte[] buf = new byte[1024];
 *     int n = c.read(buf);                       // what one read returns
 *     if (n > 0) {
 *         c.write("Hello, client\n".getBytes(StandardCharsets.US_ASCII));
 *     }
 * };
 * ServerConfig config = ServerConfig.builder()
 *         .bind("0.0.0.0", 9000)
 *         .idleTimeout(Duration.ofSeconds(30))
 *         .maxConnections(20_000)
 *         .build();
 * try (StreamServer server = Server.tcp(config, greet)) {
 *     System.out.println("listening on " + server.localAddress());
 *     server.serveForever();                      // or start(), then shutdown(grace) from anywhere
 * }
 * }</pre>
 *
 * <p>The same server in event-loop mode, for many connections or many small round trips: the
 * protocol's callbacks run on a loop thread and must never block.
 * <pre>{@code
 * StreamProtocol greet = new StreamProtocol() {
 *     public void connected(EventConnection c) { }
 *     public void received(EventConnection c, ByteBuffer data) {   // what one read returns
 *         c.write("Hello, client\n".getBytes(StandardCharsets.US_ASCII));
 *     }
 * };
 * try (EventServer server = Server.tcpEvents(config, () -> greet)) {   // one shared instance
 *     server.serveForever();
 * }
 * }</pre>
 *
 * <p>Other transports: {@link io.inetkit.server.Server#unix Server.unix} with
 * {@code ServerConfig.builder().unixPath(path)}, {@link io.inetkit.server.Server#udp Server.udp}
 * with a {@link io.inetkit.server.DatagramHandler}; TLS with
 * {@code .tls(TlsListener.of(sslContext))}. Threading: {@link io.inetkit.server.Concurrency};
 * behaviour over the limit: {@link io.inetkit.server.OverloadPolicy}; statistics:
 * {@link io.inetkit.server.Server#counters()}.
 */
package io.inetkit.server;
