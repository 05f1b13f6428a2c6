package io.inetkit.http;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Adds the jar's cookies to each request (after any the caller set) and stores the response's {@code Set-Cookie}. */
final class CookieInterceptor implements Interceptor {

    private final CookieJar jar;

    CookieInterceptor(CookieJar jar) {
        this.jar = jar;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        List<Cookie> cookies = jar.load(request.uri(), Instant.now());
        if (!cookies.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            String own = request.headers().firstOrNull("Cookie");
            if (own != null) {
                sb.append(own);
            }
            for (Cookie c : cookies) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(c.name()).append('=').append(c.value());
            }
            request = request.toBuilder().setHeader("Cookie", sb.toString()).build();
        }
        HttpResponse response = chain.proceed(request);
        List<String> set = response.headers().all("Set-Cookie");
        if (!set.isEmpty()) {
            Instant now = Instant.now();
            List<Cookie> parsed = new ArrayList<>(set.size());
            for (String header : set) {
                Cookie c = Cookie.parse(request.uri(), header, now);
                if (c != null) {
                    parsed.add(c);
                }
            }
            jar.save(request.uri(), parsed);
        }
        return response;
    }
}
