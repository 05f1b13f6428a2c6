package io.inetkit.server;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * TLS on a TCP listener: every accepted connection does a server-side handshake, in the
 * connection's own thread, before its handler runs. A handshake that takes longer than
 * {@code handshakeTimeout} (in total) fails and the connection is closed.
 *
 * @param context the SSL context holding the server's key and certificates
 * @param parameters adjusts the SSL parameters of each connection (protocols, cipher suites,
 *     client authentication, ALPN); starts from the context's defaults
 * @param handshakeTimeout the longest a handshake may take, positive
 */
public record TlsListener(SSLContext context, Consumer<SSLParameters> parameters, Duration handshakeTimeout) {

    /** The handshake timeout used by {@link #of(SSLContext)}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks the components.
     *
     * @param context the SSL context
     * @param parameters the parameter customiser
     * @param handshakeTimeout the handshake timeout
     */
    public TlsListener {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("TLS handshake timeout must be positive, got " + handshakeTimeout);
        }
    }

    /**
     * TLS with the context's default parameters and a 10 s handshake timeout.
     *
     * @param context the SSL context
     * @return the TLS settings
     */
    public static TlsListener of(SSLContext context) {
        return new TlsListener(context, p -> { }, DEFAULT_HANDSHAKE_TIMEOUT);
    }
}
