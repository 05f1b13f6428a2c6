package io.inetkit.http;

import io.inetkit.net.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxy settings from environment variables, as curl reads them: {@code http_proxy} (lower case
 * only, as curl, against "httpoxy"), {@code https_proxy} / {@code HTTPS_PROXY},
 * {@code all_proxy} / {@code ALL_PROXY} and {@code no_proxy} / {@code NO_PROXY}. The library
 * never reads the process environment itself: pass {@code System.getenv()} or any map.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.builder().proxy(ProxyEnvironment.selector(System.getenv())).build();
 * }</pre>
 *
 * <p>Proxy URLs are {@code http://[user:pass@]host[:port]} or {@code socks5://} /
 * {@code socks5h://} (both resolve names at the proxy); without a scheme, http is assumed;
 * without a port, 1080 (as curl). {@code no_proxy} is a comma-separated list of host names (each
 * also matching its subdomains; a leading dot is optional), IP addresses, optional {@code :port},
 * or {@code *} for everything.
 */
public final class ProxyEnvironment {

    private ProxyEnvironment() {}

    /**
     * Builds a selector from an environment.
     *
     * @param env variables, e.g. {@code System.getenv()}
     * @return the selector ({@link ProxySelector#NONE} behaviour when nothing is set)
     * @throws IllegalArgumentException if a proxy variable holds an invalid URL
     */
    public static ProxySelector selector(Map<String, String> env) {
        Proxy all = parse(first(env, "all_proxy", "ALL_PROXY"));
        Proxy http = parse(first(env, "http_proxy"));
        Proxy https = parse(first(env, "https_proxy", "HTTPS_PROXY"));
        Proxy forHttp = http != null ? http : all;
        Proxy forHttps = https != null ? https : all;
        List<String> noProxy = splitNoProxy(first(env, "no_proxy", "NO_PROXY"));
        return uri -> {
            if (bypass(noProxy, uri)) {
                return Proxy.DIRECT;
            }
            Proxy p = "https".equals(uri.getScheme()) ? forHttps : forHttp;
            return p == null ? Proxy.DIRECT : p;
        };
    }

    /**
     * Sends the hosts of a {@code no_proxy}-style list directly and asks {@code next} for all
     * others: curl's {@code --noproxy LIST}, which replaces the {@code no_proxy} variable (give
     * {@code next} an environment without it).
     *
     * @param noProxy comma-separated host names (each also matching its subdomains), IP
     *     addresses, CIDR ranges, optional {@code :port}, or {@code *}; empty bypasses nothing
     * @param next the selector for hosts not in the list
     * @return the selector
     */
    public static ProxySelector bypassing(String noProxy, ProxySelector next) {
        java.util.Objects.requireNonNull(next, "next");
        List<String> list = splitNoProxy(java.util.Objects.requireNonNull(noProxy, "noProxy"));
        return uri -> bypass(list, uri) ? Proxy.DIRECT : next.select(uri);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /**
     * Parses a proxy URL.
     *
     * @param url e.g. {@code http://user:pw@proxy:3128} or {@code socks5h://127.0.0.1:1080}; null gives null
     * @return the proxy, or null for null
     * @throws IllegalArgumentException if the URL is invalid or its scheme unsupported
     */
    public static Proxy parse(String url) {
        if (url == null) {
            return null;
        }
        String text = url.contains("://") ? url : "http://" + url;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid proxy URL " + HttpSyntax.quote(url) + ": " + e.getReason(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("invalid proxy URL " + HttpSyntax.quote(url) + ": no host");
        }
        Endpoint endpoint = Endpoint.of(uri.getHost(), uri.getPort() == -1 ? 1080 : uri.getPort());
        Credentials credentials = Credentials.fromUri(uri);
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> new Proxy.Http(endpoint, credentials);
            case "socks5", "socks5h" -> new Proxy.Socks5(endpoint, credentials);
            default -> throw new IllegalArgumentException("unsupported proxy scheme in " + HttpSyntax.quote(url)
                    + ": use http://, socks5:// or socks5h://");
        };
    }

    private static List<String> splitNoProxy(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** @return true if {@code host} is an IP literal inside {@code cidr} (e.g. {@code 10.0.0.0/8}, {@code fd00::/8}) */
    static boolean inCidr(String host, String cidr) {
        int slash = cidr.indexOf('/');
        String net = cidr.substring(0, slash);
        String bitsText = cidr.substring(slash + 1);
        if (!isIpLiteral(host) || !isIpLiteral(net) || !bitsText.matches("\\d{1,3}")) {
            return false;
        }
        try {
            byte[] a = java.net.InetAddress.getByName(host).getAddress(); // literals only: no DNS lookup
            byte[] b = java.net.InetAddress.getByName(net).getAddress();
            int bits = Integer.parseInt(bitsText);
            if (a.length != b.length || bits > a.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String s) {
        return s.indexOf(':') >= 0 || s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    static boolean bypass(List<String> noProxy, URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = HttpRequest.defaultPort(uri);
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            if (entry.indexOf('/') > 0) {
                if (inCidr(host, entry)) {
                    return true;
                }
                continue;
            }
            String name = entry;
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d{1,5}")) {
                name = entry.substring(0, colon);
                entryPort = Integer.parseInt(entry.substring(colon + 1));
            }
            if (name.startsWith("[") && name.endsWith("]")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.startsWith(".")) {
                name = name.substring(1);
            }
            boolean hostMatches = host.equals(name) || host.endsWith("." + name);
            if (hostMatches && (entryPort == -1 || entryPort == port)) {
                return true;
            }
        }
        return false;
    }
}
