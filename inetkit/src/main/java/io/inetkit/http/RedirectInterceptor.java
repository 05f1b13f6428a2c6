package io.inetkit.http;

import io.inetkit.text.ProtocolException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows redirects like curl {@code -L}: 301, 302 and 303 become GET without a body (HEAD stays
 * HEAD); 307 and 308 keep the method and body when the body can be sent again. At most
 * {@code max} redirects; a URL visited a third time is a loop. When the scheme, host or port
 * changes (including an https to http downgrade, which is followed), the caller's
 * {@code Authorization}, {@code Cookie} and {@code Proxy-Authorization} headers are dropped.
 */
final class RedirectInterceptor implements Interceptor {

    private static final int MAX_VISITS = 2;

    private final int max;

    RedirectInterceptor(int max) {
        this.max = max;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        Map<String, Integer> visits = new HashMap<>();
        visits.put(key(request), 1);
        for (int hops = 0; ; hops++) {
            HttpResponse response = chain.proceed(request);
            String location = response.headers().firstOrNull("Location");
            if (!response.isRedirect() || location == null) {
                return response;
            }
            HttpRequest next = follow(request, response.status(), location);
            if (next == null) {
                return response; // a 307/308 whose one-shot body cannot be sent again: the caller decides
            }
            response.close();
            if (hops >= max) {
                throw new TooManyRedirectsException("stopped after " + max + " redirects (last: " + request
                        + " -> " + HttpRequest.redacted(next.uri()) + ")");
            }
            if (visits.merge(key(next), 1, Integer::sum) > MAX_VISITS) {
                throw new TooManyRedirectsException("redirect loop: " + HttpRequest.redacted(next.uri())
                        + " was redirected to again after " + (hops + 1) + " redirects");
            }
            request = next;
        }
    }

    private static String key(HttpRequest r) {
        return r.method() + " " + r.uri();
    }

    /** @return the request to send next, or null if the redirect cannot be followed */
    static HttpRequest follow(HttpRequest request, int status, String location) throws ProtocolException {
        URI target = resolve(request.uri(), location);
        HttpRequest.Builder b = request.toBuilder();
        try {
            b.uri(target);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("cannot follow the redirect to " + HttpSyntax.quote(location) + ": " + e.getMessage());
        }
        boolean keepMethod = status == 307 || status == 308;
        if (!keepMethod && !request.method().equals(Method.HEAD)) {
            b.method(Method.GET, null);
            b.removeHeader("Content-Type").removeHeader("Content-Encoding").removeHeader("Expect");
        } else if (request.body() != null && !request.body().isReplayable()) {
            return null;
        }
        if (!Origin.of(target).equals(Origin.of(request.uri()))) {
            b.removeHeader("Authorization").removeHeader("Cookie").removeHeader("Proxy-Authorization");
        }
        return b.build();
    }

    private static URI resolve(URI base, String location) throws ProtocolException {
        try {
            return base.resolve(new URI(location.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ProtocolException("the server redirected to an invalid URL " + HttpSyntax.quote(location));
        }
    }
}
