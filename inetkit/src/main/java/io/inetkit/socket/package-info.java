/**
 * The tutorial's BSD socket API over NIO channels: families, kinds, Python's timeout semantics
 * and errno-style connect codes.
 *
 * <pre>{@code
 * try (Socket server = Sockets.createServer(Address.inet("127.0.0.1", 0))) {
 *     try (Socket client = Socket.open(Family.INET, Kind.STREAM)) {
 *         client.setTimeout(Duration.ofSeconds(5));
 *         client.connect(server.localAddress());
 *         client.sendAll("hello".getBytes(StandardCharsets.US_ASCII));
 *         Accepted conn = server.accept();
 *         byte[] got = conn.socket().recv(1024);
 *     }
 * }
 * }</pre>
 *
 * <table>
 * <caption>Python's {@code socket} module and this package</caption>
 * <tr><th>Python</th><th>inetkit</th></tr>
 * <tr><td>{@code socket.socket(AF_INET, SOCK_STREAM)}</td><td>{@link io.inetkit.socket.Socket#open Socket.open(Family.INET, Kind.STREAM)}</td></tr>
 * <tr><td>{@code AF_INET}, {@code AF_INET6}, {@code AF_UNIX}</td><td>{@link io.inetkit.socket.Family}</td></tr>
 * <tr><td>{@code SOCK_STREAM}, {@code SOCK_DGRAM}</td><td>{@link io.inetkit.socket.Kind}</td></tr>
 * <tr><td>{@code (host, port)}, a path</td><td>{@link io.inetkit.socket.Address.Inet}, {@link io.inetkit.socket.Address.Unix}</td></tr>
 * <tr><td>{@code bind}, {@code listen}</td><td>{@code bind(Address)}, {@code listen(int)}</td></tr>
 * <tr><td>{@code accept() -> (conn, address)}</td><td>{@code accept()} &rarr; {@link io.inetkit.socket.Accepted}</td></tr>
 * <tr><td>{@code connect}, {@code connect_ex}</td><td>{@code connect(Address)}, {@code connectEx(Address)} &rarr; {@link io.inetkit.socket.Errno}</td></tr>
 * <tr><td>{@code recv}, {@code recv_into}</td><td>{@code recv(int)}, {@code recvInto(ByteBuffer)}, {@code recvInto(byte[], int, int)}</td></tr>
 * <tr><td>{@code recvfrom -> (bytes, address)}</td><td>{@code recvFrom(int)} &rarr; {@link io.inetkit.socket.Datagram}</td></tr>
 * <tr><td>{@code send}, {@code sendall}, {@code sendto}</td><td>{@code send}, {@code sendAll}, {@code sendTo}</td></tr>
 * <tr><td>{@code shutdown(SHUT_RD | SHUT_WR | SHUT_RDWR)}</td><td>{@code shutdown(}{@link io.inetkit.socket.Shutdown}{@code )}</td></tr>
 * <tr><td>{@code close}</td><td>{@code close()} (idempotent)</td></tr>
 * <tr><td>{@code getpeername}, {@code getsockname}</td><td>{@code peerAddress()}, {@code localAddress()}</td></tr>
 * <tr><td>{@code setsockopt}, {@code getsockopt}</td><td>{@code setOption(Options.X, value)}, {@code getOption(Options.X)} ({@link io.inetkit.socket.Options})</td></tr>
 * <tr><td>{@code IP_ADD_MEMBERSHIP}, {@code IP_DROP_MEMBERSHIP}</td><td>{@code joinGroup}, {@code leaveGroup}</td></tr>
 * <tr><td>{@code settimeout}, {@code gettimeout}</td><td>{@code setTimeout(Duration)}, {@code timeout()}; {@code None} is {@code null}</td></tr>
 * <tr><td>{@code setblocking}, {@code getblocking}</td><td>{@code setBlocking(boolean)}, {@code isBlocking()}</td></tr>
 * <tr><td>{@code fileno}</td><td>{@code fileno()} (-1 unless the JDK's internals are opened; see there)</td></tr>
 * <tr><td>{@code makefile('rb' | 'wb' | 'r' | 'w')}</td><td>{@code inputStream()}, {@code outputStream()}, {@code reader(Charset)}, {@code writer(Charset)}</td></tr>
 * <tr><td>{@code create_server}</td><td>{@link io.inetkit.socket.Sockets#createServer(Address, ServerConfig)}</td></tr>
 * <tr><td>{@code create_connection}</td><td>{@link io.inetkit.socket.Sockets#createConnection(String, int, java.time.Duration, Address.Inet)}</td></tr>
 * <tr><td>{@code has_dualstack_ipv6}</td><td>{@link io.inetkit.socket.Sockets#hasDualStackIpv6()}</td></tr>
 * <tr><td>{@code socket.timeout} ({@code TimeoutError})</td><td>{@link io.inetkit.socket.TimedOutException} (a {@code java.net.SocketTimeoutException})</td></tr>
 * <tr><td>{@code BlockingIOError}</td><td>{@link io.inetkit.socket.WouldBlockException}</td></tr>
 * <tr><td>{@code ConnectionRefusedError} and other connect errors</td><td>{@link io.inetkit.socket.ConnectFailedException} (a {@code java.net.ConnectException}) with its {@code errno()}</td></tr>
 * <tr><td>{@code OSError} with {@code errno}</td><td>{@link io.inetkit.socket.SocketFailureException} with its {@code errno()}</td></tr>
 * <tr><td>using a closed socket ({@code EBADF})</td><td>{@link io.inetkit.socket.SocketClosedException}</td></tr>
 * </table>
 *
 * <h2>Where it differs from Python</h2>
 * <ul>
 * <li>No UNIX DGRAM: the JDK has no Unix-domain datagram channel; {@code open} says so.</li>
 * <li>IPv6 sockets are always dual-stack: {@code IPV6_V6ONLY} reads false and cannot be set true.</li>
 * <li>{@code listen} re-binds the address that {@code bind} took (the JDK binds and listens in
 *     one call); {@code Sockets.createServer} binds once.</li>
 * <li>{@code connectEx} answers {@code ETIMEDOUT} when the socket's timeout expires (CPython: EAGAIN).</li>
 * <li>Misuse, such as {@code recv} before {@code connect}, is an {@code IllegalStateException},
 *     not an {@code OSError}.</li>
 * <li>Closing a stream from {@code inputStream()} or {@code outputStream()} leaves the socket open.</li>
 * <li>Interrupting a thread blocked in an operation closes the socket (NIO's rule).</li>
 * <li>Errno numbers are Linux's; the JDK hides the real errno, so codes come from exception
 *     types and messages.</li>
 * </ul>
 */
package io.inetkit.socket;
