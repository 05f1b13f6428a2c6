package io.inetkit.text;

import java.util.Objects;

/**
 * How strictly and how much of a header block {@link HeaderBlock#read} accepts.
 *
 * @param strictness {@link Strictness#LENIENT} for mail and news, {@link Strictness#STRICT} for HTTP
 * @param maxBytes the most bytes in the whole block, line ends included
 * @param maxCount the most header fields
 */
public record HeaderRules(Strictness strictness, int maxBytes, int maxCount) {

    /** How tolerant the reader is of obsolete syntax. */
    public enum Strictness {
        /**
         * RFC 5322 with its obsolete syntax: folded lines are unfolded, blanks before the colon
         * are ignored. For mail (POP3, IMAP) and news (NNTP).
         */
        LENIENT,
        /**
         * RFC 9112: folded lines (obs-fold), blanks before the colon, names that are not tokens
         * and NUL or CR inside values are rejected. For HTTP, where leniency enables request smuggling.
         */
        STRICT
    }

    /** Mail and news: lenient, 256 KiB, 1000 fields. */
    public static final HeaderRules MAIL = new HeaderRules(Strictness.LENIENT, 256 * 1024, 1000);

    /** HTTP: strict, 64 KiB, 200 fields. */
    public static final HeaderRules HTTP = new HeaderRules(Strictness.STRICT, 64 * 1024, 200);

    /** Validates the rules. */
    public HeaderRules {
        Objects.requireNonNull(strictness, "strictness");
        if (maxBytes < 1 || maxCount < 1) {
            throw new IllegalArgumentException("header limits must be positive: maxBytes=" + maxBytes + ", maxCount=" + maxCount);
        }
    }
}
