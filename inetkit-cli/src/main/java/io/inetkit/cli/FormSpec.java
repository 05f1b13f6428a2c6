package io.inetkit.cli;

/**
 * One {@code -F}/{@code --form-string} argument read as curl reads it: {@code name=value},
 * {@code name=@file} (upload), {@code name=<file} (a field holding the file's content), each
 * optionally followed by {@code ;type=MIME} and {@code ;filename=NAME}. A value or file name may be
 * double-quoted (with {@code \"} and {@code \\} inside) to hold a {@code ;}.
 *
 * @param name the field name
 * @param source where the content comes from
 * @param value the text, or the file name ({@code -} for stdin)
 * @param filename the {@code ;filename=} given, or null
 * @param type the {@code ;type=} given, or null
 */
record FormSpec(String name, Source source, String value, String filename, String type) {

    /** Where a part's content comes from. */
    enum Source { TEXT, FILE_UPLOAD, FILE_CONTENT }

    /**
     * Parses one argument.
     *
     * @param arg the argument
     * @param literal true for {@code --form-string}: the value is taken as it is
     * @throws IllegalArgumentException if the argument is malformed (a usage error)
     */
    static FormSpec parse(String arg, boolean literal) {
        String option = literal ? "--form-string" : "-F";
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " needs 'NAME=CONTENT', got '" + arg + "'");
        }
        String name = arg.substring(0, eq);
        if (literal) {
            return new FormSpec(name, Source.TEXT, arg.substring(eq + 1), null, null);
        }
        Source source = switch (arg.length() > eq + 1 ? arg.charAt(eq + 1) : ' ') {
            case '@' -> Source.FILE_UPLOAD;
            case '<' -> Source.FILE_CONTENT;
            default -> Source.TEXT;
        };
        Cursor c = new Cursor(arg, eq + 1 + (source == Source.TEXT ? 0 : 1));
        String value = c.word();
        if (source != Source.TEXT && value.isEmpty()) {
            throw new IllegalArgumentException("-F '" + arg + "': a file name is missing after " + arg.charAt(eq + 1));
        }
        String filename = null;
        StringBuilder type = null;
        while (c.at(';')) {
            c.skip();
            c.skipSpaces();
            if (c.startsWith("type=")) {
                type = new StringBuilder(c.upTo(';').strip());
            } else if (c.startsWith("filename=")) {
                filename = c.word();
            } else if (type != null && !c.startsWith("headers=") && !c.startsWith("encoder=")) {
                type.append(';').append(c.upTo(';')); // curl: a type's own parameters, e.g. ;charset=utf-8
            } else {
                throw new IllegalArgumentException("-F '" + arg + "': unknown or unsupported ';" + c.upTo(';')
                        + "' (supported: ;type= and ;filename=; use --form-string for a literal value)");
            }
        }
        return new FormSpec(name, source, value, filename, type == null ? null : type.toString().strip());
    }

    /** Reads curl's -F syntax left to right. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s, int i) {
            this.s = s;
            this.i = i;
        }

        boolean at(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        void skip() {
            i++;
        }

        void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        /** Consumes the prefix if present. */
        boolean startsWith(String prefix) {
            if (s.startsWith(prefix, i)) {
                i += prefix.length();
                return true;
            }
            return false;
        }

        String upTo(char end) {
            int start = i;
            while (i < s.length() && s.charAt(i) != end) {
                i++;
            }
            return s.substring(start, i);
        }

        /** A quoted word (backslash escapes {@code "} and {@code \}) or everything up to the next {@code ;}. */
        String word() {
            if (at('"')) {
                StringBuilder sb = new StringBuilder();
                for (int j = i + 1; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '\\' && j + 1 < s.length() && (s.charAt(j + 1) == '"' || s.charAt(j + 1) == '\\')) {
                        sb.append(s.charAt(++j));
                    } else if (c == '"') {
                        i = j + 1;
                        String trailing = upTo(';');
                        if (!trailing.isBlank()) {
                            throw new IllegalArgumentException("-F '" + s + "': unexpected '" + trailing
                                    + "' after a quoted value");
                        }
                        return sb.toString();
                    } else {
                        sb.append(c);
                    }
                }
                // no closing quote: curl then reads the word unquoted
            }
            return upTo(';');
        }
    }
}
