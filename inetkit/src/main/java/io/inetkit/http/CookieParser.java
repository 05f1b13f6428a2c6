package io.inetkit.http;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Parses {@code Set-Cookie} per RFC 6265 §5.2, including its lenient date algorithm (§5.1.1). */
final class CookieParser {

    /** Longest name plus value accepted (browsers use 4096). */
    static final int MAX_COOKIE_SIZE = 4096;

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private CookieParser() {}

    static Cookie parse(URI uri, String header, Instant now) {
        String[] parts = header.split(";", -1);
        String pair = parts[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (name.isEmpty() || name.length() + value.length() > MAX_COOKIE_SIZE || !HttpSyntax.isToken(name)
                || value.chars().anyMatch(c -> c < 0x21 && c != ' ' || c == 0x7f || c == ';')) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Instant expires = null;
        Instant maxAge = null;
        String domain = null;
        String path = null;
        boolean secure = false;
        boolean httpOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i];
            int e = attr.indexOf('=');
            String key = (e < 0 ? attr : attr.substring(0, e)).strip().toLowerCase(Locale.ROOT);
            String val = e < 0 ? "" : attr.substring(e + 1).strip();
            switch (key) {
                case "expires" -> {
                    Instant t = parseDate(val);
                    if (t != null) {
                        expires = t;
                    }
                }
                case "max-age" -> {
                    if (val.matches("-?\\d{1,18}")) {
                        long s = Long.parseLong(val);
                        maxAge = s <= 0 ? Instant.EPOCH : now.plusSeconds(Math.min(s, 400L * 24 * 3600));
                    }
                }
                case "domain" -> {
                    String d = val.startsWith(".") ? val.substring(1) : val;
                    if (!d.isEmpty()) {
                        domain = d.toLowerCase(Locale.ROOT);
                    }
                }
                case "path" -> path = val.startsWith("/") ? val : null;
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                default -> { } // SameSite and unknown attributes: ignored
            }
        }
        boolean hostOnly = domain == null;
        if (hostOnly) {
            domain = host;
        } else {
            if (!Cookie.domainMatches(host, domain)) {
                return null; // a cookie for another site
            }
            if (domain.indexOf('.') < 0 && !domain.equals(host)) {
                return null; // a top-level domain such as "com" (no public-suffix list: this is the minimum guard)
            }
        }
        if (secure && !"https".equals(uri.getScheme())) {
            return null; // RFC 6265bis: only secure origins may set Secure cookies
        }
        if (path == null) {
            path = defaultPath(uri.getRawPath());
        }
        Instant expiry = maxAge != null ? maxAge : expires;
        return new Cookie(name, value, domain, path, expiry, secure, httpOnly, hostOnly, now);
    }

    static String defaultPath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return "/";
        }
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    static boolean isIp(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The RFC 6265 §5.1.1 date algorithm: tolerant of the many formats servers send. */
    static Instant parseDate(String s) {
        int hour = -1, minute = -1, second = -1, day = -1, month = -1, year = -1;
        for (String token : s.split("[\\x09\\x20-\\x2F\\x3B-\\x40\\x5B-\\x60\\x7B-\\x7E]+")) {
            if (token.isEmpty()) {
                continue;
            }
            // time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT ( non-digit *OCTET ): a third digit ends the match,
            // so "10:18:10000000000000000" is no time (and no number too long for an int is parsed)
            if (hour < 0 && token.matches("\\d{1,2}:\\d{1,2}:\\d{1,2}(\\D.*)?")) {
                String[] t = token.replaceAll("[^\\d:].*", "").split(":");
                hour = Integer.parseInt(t[0]);
                minute = Integer.parseInt(t[1]);
                second = Integer.parseInt(t[2]);
            } else if (day < 0 && token.matches("\\d{1,2}(\\D.*)?")) {
                day = Integer.parseInt(token.replaceAll("\\D.*", ""));
            } else if (month < 0 && token.length() >= 3 && monthOf(token) >= 0) {
                month = monthOf(token);
            } else if (year < 0 && token.matches("\\d{2,4}(\\D.*)?")) {
                year = Integer.parseInt(token.replaceAll("\\D.*", ""));
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. 31 February
        }
    }

    private static int monthOf(String token) {
        String p = token.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(p)) {
                return i;
            }
        }
        return -1;
    }
}
