package io.inetkit.http;

import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.List;
import javax.net.ssl.SSLSession;

/**
 * Hears the steps of every exchange a client makes: how its connection was obtained and when
 * the request and response passed. What curl's {@code -w} timing variables and OkHttp's
 * {@code EventListener} report; set with {@link HttpClient.Builder#callListener(CallListener)}.
 *
 * <p>Each method names the request of the exchange: a call that follows a redirect or retries
 * makes several, each its own request. Steps come in this order, the connection's only when a
 * new one is opened: {@link #resolved}, {@link #connected}, {@link #tlsHandshaken},
 * {@link #connectionAcquired}, {@link #requestSent}, {@link #responseStarted},
 * {@link #responseHeadersReceived}. Called on the calling thread; methods should return
 * quickly and must not throw. Every method does nothing by default.
 */
public interface CallListener {

    /** Hears nothing. */
    CallListener NONE = new CallListener() { };

    /**
     * The name of the host to connect to (the proxy's, through a proxy) was resolved.
     *
     * @param request the exchange's request
     * @param host the name
     * @param addresses the addresses, in the order they are tried
     */
    default void resolved(HttpRequest request, String host, List<InetAddress> addresses) {
    }

    /**
     * A new connection was established (to the proxy, through a proxy).
     *
     * @param request the exchange's request
     * @param remote the peer's address: an {@code InetSocketAddress} for TCP, a
     *     {@code UnixDomainSocketAddress} for a {@link HttpClient.Builder#unixSocket Unix socket}
     * @param local the local address (for a Unix socket the unnamed address, an empty path)
     */
    default void connected(HttpRequest request, SocketAddress remote, SocketAddress local) {
    }

    /**
     * The TLS handshake with the origin completed on a new connection.
     *
     * @param request the exchange's request
     * @param session the negotiated session (protocol, cipher suite, peer certificates)
     */
    default void tlsHandshaken(HttpRequest request, SSLSession session) {
    }

    /**
     * The exchange has its connection and is about to send the request.
     *
     * @param request the exchange's request
     * @param remote the peer's address (the proxy's, through a proxy); a
     *     {@code UnixDomainSocketAddress} for a Unix socket
     * @param local the local address
     * @param reused true for a kept-alive connection from the pool
     */
    default void connectionAcquired(HttpRequest request, SocketAddress remote, SocketAddress local, boolean reused) {
    }

    /**
     * The request's head and its body, if any, were sent; when the server answered an
     * {@code Expect: 100-continue} with a final response instead, the head alone. Not called
     * when sending failed.
     *
     * @param request the exchange's request
     */
    default void requestSent(HttpRequest request) {
    }

    /**
     * The first line of the response arrived (an interim 1xx response's too).
     *
     * @param request the exchange's request
     */
    default void responseStarted(HttpRequest request) {
    }

    /**
     * The final response's head was read; its body, if any, has not been read yet.
     *
     * @param request the exchange's request
     * @param status the status code
     * @param headers the response's header fields
     */
    default void responseHeadersReceived(HttpRequest request, int status, Headers headers) {
    }
}
