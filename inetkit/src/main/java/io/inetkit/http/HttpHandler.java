package io.inetkit.http;

import java.io.IOException;

/**
 * Serves one HTTP request of an {@link HttpServer}: reads the request (its body is a bounded
 * stream) and writes the response. Runs in the connection's virtual thread; one instance
 * serves every connection at once, so keep per-request state in local variables.
 *
 * <p>An exception thrown before anything was sent becomes a 500 response; after the response
 * was committed the connection is closed. Either way the server keeps serving.
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Handles one request.
     *
     * @param request the request: method, target, headers and body
     * @param response where the answer goes: status, headers and body
     * @throws IOException when reading the request or writing the response fails
     */
    void handle(ServerRequest request, ServerResponse response) throws IOException;
}
