package io.inetkit.http;

import io.inetkit.text.HeaderBlock;
import io.inetkit.text.HeaderRules;
import io.inetkit.text.LimitExceededException;
import io.inetkit.text.LineReader;
import io.inetkit.text.LineTooLongException;
import io.inetkit.text.MalformedHeaderException;
import java.io.IOException;
import java.util.List;

/**
 * A parsed and checked request head (RFC 9112 §3, §6). Everything that could let a request be
 * read differently by a proxy in front of us (request smuggling) is refused with 400: both
 * Content-Length and Transfer-Encoding, a Transfer-Encoding other than exactly one
 * {@code chunked}, invalid or differing Content-Length values, obs-fold, blanks before the
 * colon and control characters (the strict header reader refuses the last three).
 */
record RequestHead(Method method, String target, HttpVersion version, Headers headers, String rawPath, String query,
        String path, long contentLength, boolean chunked, boolean keepAlive, boolean expectContinue) {

    /** Reads a head; returns null when the connection ended (or only blank lines came) before a request. */
    static RequestHead read(LineReader in, HttpServerLimits limits, HeaderRules rules) throws IOException {
        String line;
        int blanks = 0;
        try {
            do {
                line = in.readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isEmpty() && ++blanks < 4); // RFC 9112 §2.2: ignore a CRLF between requests
        } catch (LineTooLongException e) {
            throw new RequestRejectedException(Status.URI_TOO_LONG, "request line longer than " + limits.maxRequestLine() + " bytes");
        }
        if (line.length() > limits.maxRequestLine()) {
            throw new RequestRejectedException(Status.URI_TOO_LONG, "request line longer than " + limits.maxRequestLine() + " bytes");
        }
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw bad("malformed request line " + HttpSyntax.quote(line));
        }
        Method method = method(line.substring(0, sp1));
        String target = line.substring(sp1 + 1, sp2);
        HttpVersion version = version(line.substring(sp2 + 1));
        HeaderBlock block;
        try {
            block = HeaderBlock.read(in, rules);
        } catch (LimitExceededException e) {
            throw new RequestRejectedException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, e.getMessage());
        } catch (MalformedHeaderException e) {
            throw bad(e.getMessage());
        }
        Headers headers = Headers.fromBlock(block);
        return check(method, target, version, headers);
    }

    private static RequestHead check(Method method, String target, HttpVersion version, Headers headers) throws IOException {
        List<String> hosts = headers.all("Host");
        if (version == HttpVersion.HTTP_1_1 && hosts.size() != 1 || hosts.size() > 1) {
            throw bad("an HTTP/1.1 request needs exactly one Host header, got " + hosts.size());
        }
        String authority = absoluteFormAuthority(target);
        if (authority != null) {
            // "http:///x" has no host (RFC 9110 §4.2.1: reject) and userinfo is refused ('@' is not valid)
            if (authority.isEmpty() || !validHost(authority)) {
                throw bad("invalid authority in request target " + HttpSyntax.quote(target));
            }
            // RFC 9112 §3.2.2: the target's authority wins over the Host header, so handlers that
            // look at Host (virtual hosts, links) see the host the request was routed by
            headers = headers.withReplaced("Host", authority);
            hosts = List.of(authority);
        }
        // RFC 9112 §3.2: an invalid Host value is a 400 too; handlers and logs that trust it
        // (virtual hosts, redirects, HttpServer.uri-like links) must never see "a b" or "x/y"
        if (!hosts.isEmpty() && !validHost(hosts.get(0))) {
            throw bad("invalid Host header " + HttpSyntax.quote(hosts.get(0)));
        }
        List<String> te = headers.all("Transfer-Encoding");
        List<String> cl = headers.all("Content-Length");
        boolean chunked = false;
        long length = 0;
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw bad("both Transfer-Encoding and Content-Length (request smuggling)");
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw bad("Transfer-Encoding in an HTTP/1.0 request");
            }
            if (te.size() != 1 || !te.get(0).equalsIgnoreCase("chunked")) {
                throw bad("Transfer-Encoding must be exactly \"chunked\", got " + HttpSyntax.quote(String.join(", ", te)));
            }
            chunked = true;
        } else if (!cl.isEmpty()) {
            length = contentLength(cl);
        }
        String rawPath;
        String query = null;
        if (target.startsWith("/")) {
            rawPath = target;
        } else if (authority != null) {
            // what follows the authority: "" or "?q" (the path is "/") or "/p?q"
            String rest = target.substring(target.indexOf("//") + 2 + authority.length());
            rawPath = rest.startsWith("/") ? rest : "/" + rest;
        } else if (target.equals("*") && method.equals(Method.OPTIONS)) {
            rawPath = "*";
        } else {
            throw bad("unsupported request target " + HttpSyntax.quote(target));
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#') {
                throw bad("invalid character in request target " + HttpSyntax.quote(target));
            }
        }
        int q = rawPath.indexOf('?');
        if (q >= 0) {
            query = rawPath.substring(q + 1);
            rawPath = rawPath.substring(0, q);
        }
        String path = rawPath.equals("*") ? "*" : PathCodec.decodePath(rawPath);
        String connection = headers.firstOrNull("Connection");
        boolean keepAlive = version == HttpVersion.HTTP_1_1
                ? connection == null || !HttpSyntax.hasToken(connection, "close")
                : connection != null && HttpSyntax.hasToken(connection, "keep-alive");
        boolean expect = false;
        String expectValue = headers.firstOrNull("Expect");
        if (expectValue != null) {
            if (!expectValue.equalsIgnoreCase("100-continue")) {
                throw new RequestRejectedException(Status.EXPECTATION_FAILED, "unsupported expectation " + HttpSyntax.quote(expectValue));
            }
            expect = version == HttpVersion.HTTP_1_1 && (chunked || length > 0);
        }
        return new RequestHead(method, target, version, headers, rawPath, query, path, chunked ? -1 : length, chunked, keepAlive, expect);
    }

    /**
     * The authority ends at the first '/' or '?' (RFC 3986 §3.2; '#' is refused later): a '/' inside
     * the query ("http://x?a=/admin") must not become the path a proxy in front never saw.
     *
     * @return the authority of an absolute-form target ({@code http://a:1/x} gives {@code a:1}), else null
     */
    private static String absoluteFormAuthority(String target) {
        if (!target.regionMatches(true, 0, "http://", 0, 7) && !target.regionMatches(true, 0, "https://", 0, 8)) {
            return null;
        }
        int start = target.indexOf("//") + 2;
        int end = start;
        while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
            end++;
        }
        return target.substring(start, end);
    }

    /** @return true for {@code uri-host [ ":" port ]} (RFC 3986 §3.2.2, §3.2.3), also when empty */
    static boolean validHost(String host) {
        int i = 0;
        int n = host.length();
        if (n > 0 && host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 2) {
                return false;
            }
            for (i = 1; i < close; i++) {
                char c = host.charAt(i);
                // IPv6, also with a zone ("%25eth0", RFC 6874, as our client sends it); no IPvFuture
                boolean ipv6 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ":.%-_~".indexOf(c) >= 0;
                if (!ipv6) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            for (; i < n && host.charAt(i) != ':'; i++) {
                char c = host.charAt(i);
                boolean regName = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
                if (!regName) {
                    return false;
                }
            }
        }
        if (i == n) {
            return true;
        }
        if (host.charAt(i) != ':') {
            return false;
        }
        for (i++; i < n; i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Content-Length: each field and list element all digits and equal (RFC 9110 §8.6). */
    private static long contentLength(List<String> values) throws IOException {
        long length = -1;
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty() || p.length() > 18) {
                    throw bad("invalid Content-Length " + HttpSyntax.quote(v));
                }
                long n = 0;
                for (int i = 0; i < p.length(); i++) {
                    char c = p.charAt(i);
                    if (c < '0' || c > '9') {
                        throw bad("invalid Content-Length " + HttpSyntax.quote(v));
                    }
                    n = n * 10 + (c - '0');
                }
                if (length >= 0 && n != length) {
                    throw bad("differing Content-Length values (request smuggling)");
                }
                length = n;
            }
        }
        return length;
    }

    private static Method method(String name) throws IOException {
        switch (name) {
            case "GET": return Method.GET;
            case "HEAD": return Method.HEAD;
            case "POST": return Method.POST;
            case "PUT": return Method.PUT;
            case "DELETE": return Method.DELETE;
            case "OPTIONS": return Method.OPTIONS;
            default:
                if (!HttpSyntax.isToken(name)) {
                    throw bad("invalid method " + HttpSyntax.quote(name));
                }
                return Method.of(name);
        }
    }

    private static HttpVersion version(String v) throws IOException {
        if (v.equals("HTTP/1.1")) {
            return HttpVersion.HTTP_1_1;
        }
        if (v.equals("HTTP/1.0")) {
            return HttpVersion.HTTP_1_0;
        }
        if (v.length() == 8 && v.startsWith("HTTP/") && Character.isDigit(v.charAt(5)) && v.charAt(6) == '.'
                && Character.isDigit(v.charAt(7))) {
            throw new RequestRejectedException(Status.HTTP_VERSION_NOT_SUPPORTED, "unsupported version " + v);
        }
        throw bad("invalid HTTP version " + HttpSyntax.quote(v));
    }

    static RequestRejectedException bad(String message) {
        return new RequestRejectedException(Status.BAD_REQUEST, message);
    }
}
