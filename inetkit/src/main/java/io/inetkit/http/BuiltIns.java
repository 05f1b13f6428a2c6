package io.inetkit.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in links of the chain for a client's settings, outermost first: retries (each retry
 * follows redirects again), redirects (each hop gets its own cookies and authentication),
 * cookies, authentication, decompression.
 */
final class BuiltIns {

    private BuiltIns() {}

    static List<Interceptor> links(HttpClient.Builder b) {
        List<Interceptor> l = new ArrayList<>();
        if (b.retryPolicy != null) {
            l.add(new RetryInterceptor(b.retryPolicy));
        }
        if (b.followRedirects) {
            l.add(new RedirectInterceptor(b.maxRedirects));
        }
        if (b.cookieJar != null) {
            l.add(new CookieInterceptor(b.cookieJar));
        }
        l.add(new AuthInterceptor(b.credentials, b.credentialsLookup, b.basicAtOnce, b.digestOnly));
        if (b.decompress) {
            l.add(new DecompressionInterceptor(b.maxDecompressedBytes));
        }
        return l;
    }
}
