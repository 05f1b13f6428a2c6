package io.inetkit.http;

import io.inetkit.text.MalformedReplyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authentication challenge from {@code WWW-Authenticate} or {@code Proxy-Authenticate}
 * (RFC 9110 §11.6.1): a scheme with either auth-params or a token68.
 *
 * @param scheme the scheme, e.g. {@code Basic} or {@code Digest}
 * @param params the auth-params, names in lower case
 * @param token68 the token68, or null
 */
public record Challenge(String scheme, Map<String, String> params, String token68) {

    private static final int MAX_CHALLENGES = 20;
    private static final int MAX_PARAMS = 30;

    /** Copies the parameters. */
    public Challenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A parameter by name.
     *
     * @param name lower-case name, e.g. {@code realm}
     * @return the value, or null
     */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * Parses every challenge of several header values.
     *
     * @param values the header values
     * @return the challenges in order
     * @throws MalformedReplyException if a value is not valid challenge syntax or exceeds the bounds
     */
    public static List<Challenge> parseAll(List<String> values) throws MalformedReplyException {
        List<Challenge> out = new ArrayList<>();
        for (String v : values) {
            new Parser(v, out).parse();
        }
        return out;
    }

    /** A small cursor parser; every loop consumes input, and counts are bounded. */
    private static final class Parser {
        private final String s;
        private final List<Challenge> out;
        private int pos;

        Parser(String s, List<Challenge> out) {
            this.s = s;
            this.out = out;
        }

        void parse() throws MalformedReplyException {
            while (true) {
                skipSeparators();
                if (pos >= s.length()) {
                    return;
                }
                if (out.size() >= MAX_CHALLENGES) {
                    throw bad("more than " + MAX_CHALLENGES + " challenges");
                }
                String scheme = token();
                if (scheme.isEmpty()) {
                    throw bad("expected an authentication scheme");
                }
                skipBlanks();
                Map<String, String> params = new LinkedHashMap<>();
                String token68 = null;
                if (startsParam()) {
                    parseParams(params);
                } else if (pos < s.length() && s.charAt(pos) != ',') {
                    token68 = token68();
                }
                out.add(new Challenge(scheme, params, token68));
            }
        }

        private void parseParams(Map<String, String> params) throws MalformedReplyException {
            while (true) {
                if (params.size() >= MAX_PARAMS) {
                    throw bad("more than " + MAX_PARAMS + " parameters in one challenge");
                }
                String name = token().toLowerCase(Locale.ROOT);
                skipBlanks();
                pos++; // '='
                skipBlanks();
                String value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
                params.putIfAbsent(name, value);
                skipBlanks();
                if (pos >= s.length()) {
                    return;
                }
                if (s.charAt(pos) != ',') {
                    throw bad("expected ',' after parameter " + name);
                }
                int save = pos;
                skipSeparators();
                if (!startsParam()) {
                    pos = save; // the next challenge starts here
                    return;
                }
            }
        }

        /** @return true if a {@code name =} follows (and not a token68 ending in '=') */
        private boolean startsParam() {
            int p = pos;
            while (p < s.length() && HttpSyntax.isTchar(s.charAt(p))) {
                p++;
            }
            if (p == pos) {
                return false;
            }
            while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            if (p >= s.length() || s.charAt(p) != '=') {
                return false;
            }
            p++;
            while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            return p < s.length() && s.charAt(p) != '=' && s.charAt(p) != ',';
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && HttpSyntax.isTchar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String token68() throws MalformedReplyException {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) && s.charAt(pos) < 0x80
                    || "-._~+/".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            while (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
            }
            if (pos == start) {
                throw bad("invalid token68");
            }
            return s.substring(start, pos);
        }

        private String quoted() throws MalformedReplyException {
            StringBuilder sb = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                sb.append(c);
            }
            throw bad("unterminated quoted string");
        }

        private void skipBlanks() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private void skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
                pos++;
            }
        }

        private MalformedReplyException bad(String why) {
            return new MalformedReplyException("invalid authentication challenge " + HttpSyntax.quote(s) + ": " + why);
        }
    }
}
