/**
 * SASL client mechanisms shared by SMTP, POP3, IMAP and NNTP: SCRAM-SHA-256, SCRAM-SHA-1,
 * CRAM-MD5, PLAIN, LOGIN, OAUTHBEARER and XOAUTH2, with only the JDK (javax.crypto).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.inetkit.sasl.Credentials}: a password or an OAuth token.</li>
 *   <li>{@link io.inetkit.sasl.MechanismChooser}: picks the strongest mechanism both sides
 *       support ({@link io.inetkit.sasl.Mechanism} lists them strongest first), honours a
 *       forced mechanism from {@link io.inetkit.sasl.SaslPolicy}, and refuses mechanisms that
 *       send the secret in clear (PLAIN, LOGIN, OAUTHBEARER, XOAUTH2) over an unencrypted
 *       connection unless the policy allows it.</li>
 *   <li>{@link io.inetkit.sasl.SaslMechanism}: one conversation per authentication attempt,
 *       on raw bytes; {@link io.inetkit.sasl.SaslCodec} does the base64 on the wire.</li>
 * </ul>
 *
 * <h2>Driving a conversation (SMTP AUTH shown; IMAP, POP3, NNTP are alike)</h2>
 * <pre>{@code
 * Credentials creds = Credentials.password("tim", password);
 * Mechanism choice = MechanismChooser.choose(serverMechanisms, creds,
 *         ChannelSecurity.ENCRYPTED, SaslPolicy.DEFAULT);
 * SaslMechanism sasl = choice.newClient(creds, host, port);
 * byte[] initial = sasl.start();
 * Reply reply = send("AUTH " + sasl.name()
 *         + (initial == null ? "" : " " + SaslCodec.encodeInitialResponse(initial)));  // mask
 * while (reply.code() == 334) {
 *     byte[] response;
 *     try {
 *         response = sasl.evaluate(SaslCodec.decodeChallenge(reply.text()));
 *     } catch (SaslException e) {
 *         send("*");                       // cancel the exchange, then report
 *         throw e;
 *     }
 *     reply = send(SaslCodec.encodeResponse(response));                                 // mask
 * }
 * if (reply.code() != 235) {
 *     throw new AuthenticationFailed(reply, sasl.serverError());
 * }
 * sasl.requireComplete();                  // SCRAM: the server must have proved itself
 * }</pre>
 *
 * <p>If the initial response cannot go on the command line (no SASL-IR in IMAP, a line too
 * long), send the command without it and answer the server's first, empty challenge with
 * the bytes {@code start()} returned. In a protocol that carries the server's final data in
 * the success reply itself, pass that data to {@code evaluate} before
 * {@code requireComplete()}.
 *
 * <h2>Secrets</h2>
 * Every client response, the initial one included, must be masked in transcripts: for the
 * mechanisms here it contains the password or token, or material that allows guessing the
 * password offline. Credentials never print their secret, and no exception message contains
 * a secret or a client response. Passwords are {@code String}s; see
 * {@link io.inetkit.sasl.Credentials} for why.
 *
 * <h2>Bounds and limitations</h2>
 * <ul>
 *   <li>Challenges over 16 KiB are refused.</li>
 *   <li>SCRAM accepts iteration counts from 4096 (the minimum RFC 7677 asks servers for; a
 *       lower count would let an active attacker test password guesses cheaply) up to
 *       1,000,000 (so a hostile server cannot make the client hash for minutes).</li>
 *   <li>SCRAM runs without channel binding (gs2 flag {@code n}); the -PLUS variants are not
 *       offered. SASLprep is applied to SCRAM user names and passwords with the JDK's
 *       current Unicode tables rather than Unicode 3.2 (see {@code SaslPrep}); PLAIN and LOGIN
 *       send UTF-8 as given and leave preparation to the server.</li>
 *   <li>After a rejected token, OAUTHBEARER answers with {@code ^A} (RFC 7628 section 3.2.3)
 *       and XOAUTH2 with an empty response (Google's documentation); both then refuse to be
 *       complete and expose the server's status through {@code serverError()}.</li>
 * </ul>
 */
package io.inetkit.sasl;
