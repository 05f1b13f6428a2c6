package io.inetkit.http;

import io.inetkit.text.ProtocolException;

/** A proxy refused to connect to the origin: an HTTP proxy answered CONNECT with an error, or a SOCKS5 proxy failed the request. */
public final class ProxyException extends ProtocolException {

    private final int status;

    /**
     * Creates the exception.
     *
     * @param message what the proxy refused and why
     * @param status the HTTP status of the CONNECT response (407: credentials needed or wrong), or the SOCKS5 reply code
     */
    public ProxyException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status of the CONNECT response, or the SOCKS5 reply code */
    public int status() {
        return status;
    }
}
