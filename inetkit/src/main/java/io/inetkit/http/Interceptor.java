package io.inetkit.http;

import java.io.IOException;

/**
 * One link of the call chain, in OkHttp's model: it may change the request, call
 * {@link Chain#proceed(HttpRequest)} zero or more times, and change or replace the response.
 * Redirects, authentication, retries, cookies and decompression are such links; the network
 * exchange is the last link.
 *
 * <pre>{@code
 * Interceptor addToken = chain -> chain.proceed(
 *         chain.request().toBuilder().setHeader("Authorization", "Bearer " + token).build());
 * }</pre>
 *
 * <p>An interceptor that calls {@code proceed} again must close the earlier response first.
 */
@FunctionalInterface
public interface Interceptor {

    /**
     * Handles the request.
     *
     * @param chain the rest of the chain
     * @return the response
     * @throws IOException if the call fails
     */
    HttpResponse intercept(Chain chain) throws IOException;

    /** The request so far and the links after this one. */
    interface Chain {

        /** @return the request as passed to this link */
        HttpRequest request();

        /**
         * Passes a request to the next link.
         *
         * @param request the request
         * @return the response of the rest of the chain
         * @throws IOException if the call fails
         */
        HttpResponse proceed(HttpRequest request) throws IOException;

        /** @return the call this chain belongs to (to check for cancellation) */
        HttpCall call();
    }
}
