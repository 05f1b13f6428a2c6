package io.inetkit.http;

/**
 * Receives the interim (1xx) responses that precede a final one, e.g. {@code 100 Continue} or
 * {@code 103 Early Hints}. Called on the thread executing the call.
 */
@FunctionalInterface
public interface InformationalListener {

    /** Ignores interim responses. */
    InformationalListener NONE = (request, status, headers) -> { };

    /**
     * Called for each interim response.
     *
     * @param request the request being answered
     * @param status 100 to 199 (never 101, which this client refuses)
     * @param headers the interim response's fields
     */
    void informational(HttpRequest request, int status, Headers headers);
}
