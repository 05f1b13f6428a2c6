package io.inetkit.text;

import java.util.List;
import java.util.Objects;

/**
 * A numeric reply as FTP, SMTP and NNTP send it: a three-digit code and one or more lines of
 * text. The code prefixes ({@code "250-"}, {@code "250 "}) are removed from the lines; RFC 959
 * continuation lines without a code are kept as they came.
 *
 * @param code the reply code, 100 to 999
 * @param lines the text lines, at least one (possibly empty)
 */
public record Reply(int code, List<String> lines) {

    /**
     * Validates the reply.
     *
     * @throws IllegalArgumentException if the code is not three digits or there are no lines
     */
    public Reply {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("reply code must have three digits, got " + code);
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /**
     * Creates a reply.
     *
     * @param code the reply code
     * @param lines the text lines
     * @return the reply
     */
    public static Reply of(int code, String... lines) {
        return new Reply(code, List.of(lines));
    }

    /** @return the lines joined with {@code \n} */
    public String text() {
        return String.join("\n", lines);
    }

    /** @return the first digit of the code (2 for 250) */
    public int codeClass() {
        return code / 100;
    }

    /** @return true for 1xx, 2xx and 3xx */
    public boolean isPositive() {
        return code < 400;
    }

    /** @return true for 4xx: the same command may succeed later */
    public boolean isTransient() {
        return codeClass() == 4;
    }

    /** @return true for 5xx: the command will not succeed as sent */
    public boolean isPermanent() {
        return codeClass() == 5;
    }

    /**
     * Tells whether the code matches an expectation in the style of Go's
     * {@code textproto.Reader.ReadResponse}: 0 matches anything, a one-digit value is a
     * class ({@code 2} = any 2xx), two digits a decade ({@code 25} = 250..259), three digits
     * the exact code.
     *
     * @param expect the expected code, class or decade
     * @return true if the code matches
     */
    public boolean matches(int expect) {
        checkExpect(expect);
        if (expect == 0) {
            return true;
        } else if (expect < 10) {
            return code / 100 == expect;
        } else if (expect < 100) {
            return code / 10 == expect;
        }
        return code == expect;
    }

    static void checkExpect(int expect) {
        if (expect < 0 || expect > 999) {
            throw new IllegalArgumentException("expected code must be 0 (any), a class 1-9, a decade 10-99 or a code 100-999, got " + expect);
        }
    }

    /** @return the code and the first line, as a user would read it */
    @Override
    public String toString() {
        return lines.size() == 1 ? code + " " + lines.get(0) : code + " " + text().replace("\n", " | ");
    }
}
