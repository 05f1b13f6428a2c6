package io.inetkit.cli;

import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import io.inetkit.http.Interceptor;
import java.io.IOException;
import java.net.URI;

/**
 * curl's {@code -e ";auto"}: a network link that sends, on the request after a redirect, the
 * redirecting URL as Referer (without user info and fragment). One instance serves one transfer.
 */
final class RefererOnRedirect implements Interceptor {
    private String pending;

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        String referer = pending;
        pending = null; // a retry that starts over after an error or status goes out as the user built it
        if (referer != null) {
            request = request.toBuilder().setHeader("Referer", referer).build();
        }
        HttpResponse response = chain.proceed(request);
        if (response.isRedirect() && response.headers().firstOrNull("Location") != null) {
            pending = clean(request.uri());
        }
        return response;
    }

    private static String clean(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
