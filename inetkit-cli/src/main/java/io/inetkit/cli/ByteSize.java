package io.inetkit.cli;

/** curl's size arguments ({@code --max-filesize 200K}): bytes, or with k, M or G (powers of 1024). */
final class ByteSize {
    private ByteSize() {
    }

    /**
     * Parses a size.
     *
     * @param option the option's name, for the message
     * @param text digits with an optional suffix k, m or g (either case)
     * @return the size in bytes
     * @throws IllegalArgumentException if the text is not such a size or too large
     */
    static long parse(String option, String text) {
        String t = text.strip();
        int shift = 0;
        if (!t.isEmpty()) {
            shift = switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                default -> 0;
            };
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        if (!digits.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("invalid " + option + " \"" + text
                    + "\": use a number of bytes, optionally with k, M or G (e.g. 200K, 3M, 1G)");
        }
        long n = Long.parseLong(digits);
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("invalid " + option + " \"" + text + "\": too large");
        }
        return n << shift;
    }
}
