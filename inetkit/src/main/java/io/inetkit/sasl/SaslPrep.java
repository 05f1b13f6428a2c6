package io.inetkit.sasl;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) for the strings SCRAM hashes: user names and passwords.
 *
 * <p>Printable ASCII, the common case, passes unchanged (SASLprep is the identity there).
 * Other strings are mapped (non-ASCII spaces to U+0020, "commonly mapped to nothing"
 * characters removed), NFKC-normalised, checked against the prohibited tables of RFC 4013
 * section 2.3 and the bidirectional rule of RFC 3454 section 6.
 *
 * <p>Limitation: normalisation and the bidi categories come from the JDK's current Unicode
 * version, not the Unicode 3.2 tables RFC 3454 freezes, and unassigned code points are
 * allowed (the "query" profile). Results differ from a strict implementation only for
 * characters added to Unicode after 3.2.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * Prepares a string.
     *
     * @param s the string
     * @param what the field name for messages ("username", "password")
     * @return the prepared string
     * @throws IllegalArgumentException if it contains a prohibited character, breaks the
     *     bidi rule or is empty after mapping
     */
    static String prepare(String s, String what) {
        if (isPrintableAscii(s)) {
            return s;
        }
        StringBuilder mapped = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isMappedToNothing(cp)) {
                return;
            }
            mapped.appendCodePoint(isNonAsciiSpace(cp) ? ' ' : cp);
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty after SASLprep");
        }
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            if (isProhibited(cp)) {
                throw new IllegalArgumentException(String.format(
                        "%s contains a character SASLprep prohibits (U+%04X at index %d)", what, cp, i));
            }
            i += Character.charCount(cp);
        }
        checkBidi(normalized, what);
        return normalized;
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int cp) {
        return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B)
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
    }

    /** RFC 4013 section 2.3: tables C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9. */
    private static boolean isProhibited(int cp) {
        return isNonAsciiSpace(cp)
                || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)                       // C.2.1, C.2.2
                || cp == 0x06DD || cp == 0x070F || cp == 0x180E || cp == 0x200C || cp == 0x200D
                || cp == 0x2028 || cp == 0x2029 || (cp >= 0x2060 && cp <= 0x2063)
                || (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF
                || (cp >= 0xFFF9 && cp <= 0xFFFD)                                 // C.2.2, C.6
                || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD)
                || (cp >= 0x100000 && cp <= 0x10FFFD)                             // C.3
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE      // C.4
                || (cp >= 0xD800 && cp <= 0xDFFF)                                 // C.5
                || (cp >= 0x2FF0 && cp <= 0x2FFB)                                 // C.7
                || cp == 0x0340 || cp == 0x0341 || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)                                 // C.8
                || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F);            // C.9
    }

    /** RFC 3454 section 6: right-to-left text must not mix with left-to-right text. */
    private static void checkBidi(String s, String what) {
        boolean hasRandAL = false;
        boolean hasL = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            hasRandAL |= isRandAL(cp);
            hasL |= Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            i += Character.charCount(cp);
        }
        if (!hasRandAL) {
            return;
        }
        int first = s.codePointAt(0);
        int last = s.codePointBefore(s.length());
        if (hasL || !isRandAL(first) || !isRandAL(last)) {
            throw new IllegalArgumentException(what
                    + " mixes right-to-left and left-to-right text in a way SASLprep prohibits");
        }
    }

    private static boolean isRandAL(int cp) {
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
