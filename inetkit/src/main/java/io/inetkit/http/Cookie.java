package io.inetkit.http;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A cookie as stored by a {@link CookieJar} (RFC 6265).
 *
 * @param name the name
 * @param value the value
 * @param domain the domain, lower case, without a leading dot
 * @param path the path, starting with {@code /}
 * @param expiresAt when it expires, or null for a session cookie
 * @param secure sent only over https
 * @param httpOnly not for scripts (kept for completeness; this client sends it)
 * @param hostOnly sent only to exactly {@code domain} (no Domain attribute was given)
 * @param created when it was first stored (orders cookies with equal path lengths)
 */
public record Cookie(String name, String value, String domain, String path, Instant expiresAt, boolean secure,
        boolean httpOnly, boolean hostOnly, Instant created) {

    /** Checks the parts. */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(created, "created");
    }

    /**
     * Parses a {@code Set-Cookie} value received for {@code uri}.
     *
     * @param uri the request URI the response answered
     * @param setCookie the header value
     * @param now the current time
     * @return the cookie, or null if it must be ignored (malformed, or for another domain)
     */
    public static Cookie parse(URI uri, String setCookie, Instant now) {
        return CookieParser.parse(uri, setCookie, now);
    }

    /**
     * Tells whether this cookie is sent with a request.
     *
     * @param uri the request URI
     * @param now the current time
     * @return true if domain, path, scheme and expiry allow it
     */
    public boolean matches(URI uri, Instant now) {
        if (isExpired(now) || (secure && !"https".equals(uri.getScheme()))) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (hostOnly ? !host.equals(domain) : !domainMatches(host, domain)) {
            return false;
        }
        return pathMatches(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(), path);
    }

    /**
     * Tells whether the cookie has expired.
     *
     * @param now the current time
     * @return true if past its expiry
     */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !CookieParser.isIp(host));
    }

    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    /** @return {@code name=value} with the value masked */
    @Override
    public String toString() {
        return "Cookie[" + name + "=****; domain=" + domain + "; path=" + path
                + (expiresAt == null ? "" : "; expires=" + expiresAt) + (secure ? "; secure" : "")
                + (httpOnly ? "; httponly" : "") + (hostOnly ? "; host-only" : "") + "]";
    }
}
