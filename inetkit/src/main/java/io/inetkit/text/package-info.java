/**
 * The line-protocol core shared by the FTP, SMTP, POP3, IMAP, NNTP and Gopher clients:
 * a bounded {@link io.inetkit.text.LineReader}, a {@link io.inetkit.text.LineWriter} that
 * refuses CR, LF and NUL inside a line, numeric and status {@link io.inetkit.text.Reply replies}
 * checked in one place, dot-stuffed bodies as streams, RFC 5322 header blocks, pipelining,
 * the one STARTTLS path, and a {@link io.inetkit.text.Transcript} with secrets masked.
 *
 * <p>A protocol client holds one {@link io.inetkit.text.TextConnection}:
 * <pre>{@code
 * TextOptions options = TextOptions.DEFAULT.withTranscript((dir, line) -> System.err.println(dir + " " + line));
 * try (TextConnection text = TextConnection.connect(Dialer.defaults(), Endpoint.of("pop.example.org", 110), options)) {
 *     text.readStatusOk();                                  // greeting
 *     text.statusCommand("STLS");
 *     text.startTls(TlsConfig.defaults(), "pop.example.org"); // refuses injected plaintext, verifies the host
 *     text.statusCommand("USER alice");
 *     text.send("PASS " + password);                        // wrong: would reach the transcript
 *     text.sendSecret("PASS " + password, "PASS ****");     // right
 *     text.readStatusOk();
 *     text.statusCommand("RETR 1");
 *     try (InputStream message = text.body()) {             // un-stuffed, ends at the "." line
 *         message.transferTo(out);
 *     }
 * }
 * }</pre>
 *
 * <p>Numeric replies are checked like Go's {@code textproto.Reader.ReadResponse}:
 * {@code command(2, ...)} accepts any 2xx, {@code command(25, ...)} 250..259,
 * {@code command(250, ...)} only 250; anything else throws a
 * {@link io.inetkit.text.ReplyException} that carries the reply and tells transient (4xx) from
 * permanent (5xx).
 *
 * <p>Every failure is an {@link java.io.IOException}: {@link io.inetkit.text.ProtocolException}
 * and its subclasses, or {@link io.inetkit.text.ReadTimeoutException} (a
 * {@link java.net.SocketTimeoutException}). Every limit a peer could push (line length, reply
 * lines, header bytes and fields, body size) is enforced while reading, before memory is spent.
 */
package io.inetkit.text;
