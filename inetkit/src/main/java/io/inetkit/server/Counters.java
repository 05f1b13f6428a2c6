package io.inetkit.server;

/**
 * A snapshot of a server's counters. For UDP servers a "connection" is one datagram.
 *
 * @param accepted connections accepted since the server started (including rejected ones)
 * @param active connections being served now
 * @param completed connections whose handler returned normally
 * @param failed connections whose handler (or TLS handshake, or setup) threw, including peers
 *     that timed out or reset the connection
 * @param rejected connections closed without running the handler: refused by the accept
 *     filter, or over the connection limit
 */
public record Counters(long accepted, long active, long completed, long failed, long rejected) {
}
