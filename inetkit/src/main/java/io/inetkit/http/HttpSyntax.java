package io.inetkit.http;

/** Character classes of RFC 9110 and quoting for messages. */
final class HttpSyntax {

    private HttpSyntax() {}

    /** @return true if {@code c} is a tchar (RFC 9110 §5.6.2) */
    static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** @return true if {@code s} is a non-empty token */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a header name.
     *
     * @throws IllegalArgumentException if it is not a token
     */
    static String checkName(String name) {
        if (name == null || !isToken(name)) {
            throw new IllegalArgumentException("invalid header name " + quote(name) + ": must be a non-empty token");
        }
        return name;
    }

    /**
     * Checks a header value: no CR, LF or NUL (they would split or truncate the header).
     *
     * @throws IllegalArgumentException if it contains one
     */
    static String checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " has a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " contains a CR, LF or NUL character at index " + i);
            }
        }
        return value;
    }

    /** Quotes text for an error message, escaping control characters and cutting it at 80 characters. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), 80);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(s.length() > n ? "...\"" : "\"").toString();
    }

    /** @return true if the comma-separated header value list contains {@code token}, ignoring case */
    static boolean hasToken(String list, String token) {
        int start = 0;
        int n = list.length();
        while (start <= n) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            if (list.substring(start, end).strip().equalsIgnoreCase(token)) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            start = comma + 1;
        }
        return false;
    }
}
