package io.inetkit.sasl;

import java.util.Optional;

/**
 * One client-side SASL conversation: a single authentication attempt with one mechanism.
 *
 * <p>Create a fresh object per attempt with {@link Mechanism#newClient(Credentials)} (or
 * {@link MechanismChooser}); objects are not reusable and not thread-safe. The protocol
 * layer (SMTP {@code AUTH}, IMAP {@code AUTHENTICATE}, POP3 {@code AUTH}, NNTP
 * {@code AUTHINFO SASL}) drives it:
 *
 * <ol>
 *   <li>Call {@link #start()} once. A non-null result is the initial response: send it
 *       with the command. If the protocol or server cannot take an initial response, send
 *       the command without it and answer the server's first (empty) challenge with these
 *       bytes instead; do not pass that empty challenge to {@link #evaluate}.</li>
 *   <li>For every further challenge, call {@link #evaluate(byte[])} with the decoded bytes
 *       and send the result (which may be empty). If it throws, cancel the exchange (SMTP,
 *       IMAP, POP3: send {@code *}) and report the exception.</li>
 *   <li>When the server reports success, call {@link #requireComplete()}: it fails if the
 *       mechanism has not finished, for example when a SCRAM server never proved that it
 *       knows the password. When the server reports failure, add {@link #serverError()} to
 *       the error message if present.</li>
 * </ol>
 *
 * <p>Bytes in and out are raw: the protocol layer does the base64 itself, or with
 * {@link SaslCodec}.
 *
 * <p><b>Secrets.</b> Every client response (initial response included) must be treated as
 * a secret and masked in transcripts; no mechanism's responses are safe to log. Challenges
 * contain no client secret.
 */
public interface SaslMechanism {

    /**
     * Returns the registered mechanism name as sent on the wire, e.g. {@code SCRAM-SHA-256}.
     *
     * @return the upper-case mechanism name
     */
    String name();

    /**
     * Tells whether this mechanism starts with a client message ({@link #start()} returns
     * non-null).
     *
     * @return {@code true} for client-first mechanisms (PLAIN, SCRAM, XOAUTH2, OAUTHBEARER)
     */
    boolean hasInitialResponse();

    /**
     * Starts the conversation. Must be called exactly once, before {@link #evaluate}.
     *
     * @return the initial response, or {@code null} for server-first mechanisms
     *     (LOGIN, CRAM-MD5)
     * @throws SaslException if the response cannot be built
     * @throws IllegalStateException if called twice
     */
    byte[] start() throws SaslException;

    /**
     * Answers one server challenge.
     *
     * @param challenge the decoded challenge (may be empty)
     * @return the response to send (may be empty, never {@code null})
     * @throws SaslException if the challenge is malformed, too large, unexpected, or the
     *     server failed to authenticate itself
     * @throws IllegalStateException if {@link #start()} was not called first
     */
    byte[] evaluate(byte[] challenge) throws SaslException;

    /**
     * Tells whether the mechanism finished its side successfully: every expected challenge
     * was answered and, for SCRAM, the server's signature was verified.
     *
     * @return {@code true} when a success reply from the server may be accepted
     */
    boolean isComplete();

    /**
     * Returns the error the server reported inside the exchange (an OAuth JSON error
     * status), if any, sanitised for display.
     *
     * @return the server's error text, or empty
     */
    default Optional<String> serverError() {
        return Optional.empty();
    }

    /**
     * Fails unless {@link #isComplete()}; call it when the server reports success.
     *
     * @throws SaslException if the server claimed success before the mechanism finished
     */
    default void requireComplete() throws SaslException {
        if (!isComplete()) {
            String detail = serverError().map(e -> ": server reported " + e).orElse("");
            throw new SaslException(name() + ": server reported success before the"
                    + " authentication exchange completed" + detail);
        }
    }
}
