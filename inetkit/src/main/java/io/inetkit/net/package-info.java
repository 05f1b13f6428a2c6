/**
 * What every client shares: {@link io.inetkit.net.Endpoint host and port},
 * {@link io.inetkit.net.Dialer dialing} with {@link io.inetkit.net.Timeouts timeouts} over every
 * resolved address (IPv6 and IPv4 in turn) and optional implicit TLS, and
 * {@link io.inetkit.net.TlsConfig TLS settings} with secure defaults (JDK CA store, host-name
 * verification on, TLS 1.2 or newer). A dialer built with
 * {@link io.inetkit.net.Dialer.Builder#unixSocket(java.nio.file.Path) unixSocket} connects to a
 * Unix-domain socket instead (through {@link io.inetkit.socket}), TLS still available on top.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.builder().trustPem(Path.of("company-ca.pem")).build();
 * Dialer dialer = Dialer.builder().tls(tls).timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(30))).build();
 * Endpoint imap = Endpoint.parse("mail.example.org:993", 143);
 * try (Socket s = imap.suggestsImplicitTls() ? dialer.connectTls(imap) : dialer.connect(imap)) {
 *     ...
 * } catch (ConnectionRefusedException | HostNotFoundException e) {
 *     System.err.println(e.getMessage());   // names the host and port
 * } catch (TlsException e) {
 *     System.err.println(e.reason() + ": " + e.getMessage());   // UNTRUSTED, HOST_MISMATCH, ...
 * }
 * }</pre>
 *
 * <p>{@link io.inetkit.net.Netrc} reads {@code .netrc} files (credentials per host) for the
 * HTTP and FTP clients and the {@code inet} command.
 *
 * <p>Connection failures are {@link io.inetkit.net.DialFailure} exceptions, each a subclass of
 * the matching JDK exception ({@link java.net.UnknownHostException},
 * {@link java.net.ConnectException}, {@link java.net.SocketTimeoutException},
 * {@link java.net.NoRouteToHostException}).
 */
package io.inetkit.net;
