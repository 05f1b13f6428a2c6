package io.inetkit.net;

import java.util.Objects;
import java.util.Set;

/**
 * A host and TCP port to connect to, validated at construction.
 *
 * <p>The host is a DNS name or an IP literal; IPv6 literals may be given with or without
 * brackets and are stored without them.
 *
 * @param host the host name or IP literal, never blank
 * @param port the TCP port, 1 to 65535
 */
public record Endpoint(String host, int port) {
    // equals and hashCode written out: a record's generated ones link through invokedynamic
    // (ObjectMethods), which spins classes at run time that the AOT cache does not hold
    // (~10 ms of every `inet get`: HTTP pool keys hold endpoints).

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint other && port == other.port && host.equals(other.host);
    }

    @Override
    public int hashCode() {
        return host.hashCode() * 31 + port;
    }


    /** Ports whose protocols speak TLS from the first byte (HTTPS, SMTPS, NNTPS, LDAPS, FTPS, IMAPS, POP3S). */
    private static final Set<Integer> IMPLICIT_TLS_PORTS = Set.of(443, 465, 563, 636, 990, 993, 995);

    /**
     * Validates and normalises the endpoint.
     *
     * @throws IllegalArgumentException if the host is blank, contains white space or control
     *     characters, or the port is outside 1..65535
     */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '/' || c == '@') {
                throw new IllegalArgumentException(
                        "host " + quote(host) + " contains an invalid character at index " + i);
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
    }

    /**
     * Creates an endpoint.
     *
     * @param host host name or IP literal
     * @param port TCP port, 1 to 65535
     * @return the endpoint
     */
    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port);
    }

    /**
     * Parses {@code host:port}, {@code [v6]:port}, or a bare host with the given default port.
     *
     * @param text the text to parse
     * @param defaultPort the port used when none is given
     * @return the endpoint
     * @throws IllegalArgumentException if the text is not a valid endpoint
     */
    public static Endpoint parse(String text, int defaultPort) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + quote(text));
            }
            String rest = text.substring(close + 1);
            int port = rest.isEmpty() ? defaultPort : parsePort(rest.startsWith(":") ? rest.substring(1) : rest, text);
            return new Endpoint(text.substring(1, close), port);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0 || text.indexOf(':') != colon) { // no port, or a bare IPv6 literal
            return new Endpoint(text, defaultPort);
        }
        return new Endpoint(text.substring(0, colon), parsePort(text.substring(colon + 1), text));
    }

    private static int parsePort(String port, String whole) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in " + quote(whole));
        }
    }

    /**
     * Tells whether the port is one whose protocol usually starts with TLS (443, 465, 563,
     * 636, 990, 993, 995). A hint for callers choosing implicit TLS; never applied silently.
     *
     * @return true for a well-known implicit-TLS port
     */
    public boolean suggestsImplicitTls() {
        return IMPLICIT_TLS_PORTS.contains(port);
    }

    /** Returns {@code host:port}, with brackets around an IPv6 literal. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String quote(String s) {
        return "\"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
