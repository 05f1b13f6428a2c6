package io.inetkit.http;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Stores cookies from responses and supplies them to requests (RFC 6265). Opt-in: set one with
 * {@link HttpClient.Builder#cookieJar(CookieJar)}. Implementations must be thread-safe.
 *
 * <p>The built-in {@link #inMemory()} jar has no public-suffix list: it refuses
 * {@code Domain} attributes without a dot (such as {@code com}), but a site can still set a cookie
 * for a registry-controlled domain such as {@code co.uk}. Use it for scripts and tests talking to
 * known hosts, not as a browser.
 */
public interface CookieJar {

    /**
     * Stores cookies received for a URI (expired ones delete stored cookies).
     *
     * @param uri the request URI
     * @param cookies the parsed cookies
     */
    void save(URI uri, List<Cookie> cookies);

    /**
     * The cookies to send with a request, in the order to send them.
     *
     * @param uri the request URI
     * @param now the current time
     * @return the matching cookies
     */
    List<Cookie> load(URI uri, Instant now);

    /**
     * Every unexpired cookie the jar holds, for saving it (see {@link CookieFile#save}). The default
     * throws: a jar that cannot list its cookies cannot be saved.
     *
     * @param now the current time
     * @return the cookies, in the order they were stored
     * @throws UnsupportedOperationException if this jar cannot list its cookies
     */
    default List<Cookie> all(Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its cookies");
    }

    /**
     * Stores cookies as they are, without checking them against a request URI: for cookies
     * restored from a file ({@link CookieFile#load}). Expired ones are dropped; a cookie with the
     * same name, domain and path replaces the stored one. The default throws.
     *
     * @param cookies the cookies
     * @throws UnsupportedOperationException if this jar cannot take cookies without a request
     */
    default void addAll(Collection<Cookie> cookies) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot take restored cookies");
    }

    /** @return a new, empty, bounded in-memory jar (3000 cookies, 50 per domain) */
    static CookieJar inMemory() {
        return new MemoryCookieJar(3000, 50);
    }
}
