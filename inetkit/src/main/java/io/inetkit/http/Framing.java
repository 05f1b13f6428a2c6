package io.inetkit.http;

/**
 * A response body framed per RFC 9112 §6.3. Its {@code read} returns -1 exactly at the end of
 * the message, never reading past it, so the connection can carry the next response.
 */
interface Framing {

    /** @return true if the end of the message was reached (nothing more to read) */
    boolean atEnd();

    /**
     * Tries to reach the end of the message using only bytes already received, so a body
     * closed early can still give its connection back.
     *
     * @return true if the end was reached
     */
    boolean drainBuffered();

    /** @return how many body bytes remain if known (Content-Length), else -1 */
    default long remainingHint() {
        return -1;
    }

    /** @return the trailer fields (chunked bodies, after the end), else empty */
    default Headers trailers() {
        return Headers.EMPTY;
    }
}
