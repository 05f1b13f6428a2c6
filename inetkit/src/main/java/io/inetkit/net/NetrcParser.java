package io.inetkit.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the words of a {@code .netrc} text into entries; see {@link Netrc} for the grammar. Error
 * messages name the line and the keyword involved, never a word of the file (it may be a password).
 */
final class NetrcParser {
    private final String text;
    private int pos;
    private int line = 1;

    /** One word; a quoted word is never a keyword or a comment. */
    private record Word(String text, boolean quoted, int line) {
        /** @return the keyword this word is (lower case), or "" for a quoted word */
        String keyword() {
            return quoted ? "" : text.toLowerCase(Locale.ROOT);
        }
    }

    private NetrcParser(String text) {
        this.text = text;
    }

    static List<NetrcEntry> parse(String text) throws NetrcException {
        if (text.length() > Netrc.MAX_SIZE) {
            throw new NetrcException("the file is larger than " + Netrc.MAX_SIZE + " bytes", 0);
        }
        return new NetrcParser(text).entries();
    }

    private List<NetrcEntry> entries() throws NetrcException {
        List<NetrcEntry> entries = new ArrayList<>();
        boolean sawDefault = false;
        Word w = keyword();
        while (w != null) {
            Optional<String> machine;
            switch (w.keyword()) {
                case "machine" -> {
                    if (sawDefault) {
                        throw new NetrcException("a machine entry follows the default entry (default must be last)", w.line);
                    }
                    machine = Optional.of(value("machine"));
                }
                case "default" -> {
                    if (sawDefault) {
                        throw new NetrcException("a second default entry", w.line);
                    }
                    sawDefault = true;
                    machine = Optional.empty();
                }
                case "macdef" -> {
                    value("macdef");
                    skipMacro();
                    w = keyword();
                    continue;
                }
                default -> throw new NetrcException("expected machine, default or macdef", w.line);
            }
            int start = w.line;
            String login = null;
            String password = null;
            String account = null;
            for (w = keyword(); w != null; w = keyword()) {
                String k = w.keyword();
                if (k.equals("machine") || k.equals("default") || k.equals("macdef")) {
                    break;
                }
                switch (k) {
                    case "login", "user" -> login = value("login");
                    case "password" -> password = value("password");
                    case "account" -> account = value("account");
                    default -> throw new NetrcException(
                            "expected login, password, account, machine, default or macdef", w.line);
                }
            }
            if (entries.size() == Netrc.MAX_ENTRIES) {
                throw new NetrcException("more than " + Netrc.MAX_ENTRIES + " entries", start);
            }
            entries.add(new NetrcEntry(machine, Optional.ofNullable(login), Optional.ofNullable(password),
                    Optional.ofNullable(account), start));
        }
        return List.copyOf(entries);
    }

    /** @return the next word where a keyword is expected, skipping comments; null at the end */
    private Word keyword() throws NetrcException {
        while (true) {
            skipSpace();
            if (pos == text.length()) {
                return null;
            }
            if (text.charAt(pos) != '#') {
                return word();
            }
            // as curl: a word starting with # starts a comment up to the end of the line
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }
    }

    /** @return the word after a keyword (a # here is part of the value, as in Python) */
    private String value(String keyword) throws NetrcException {
        skipSpace();
        if (pos == text.length()) {
            throw new NetrcException("missing value after " + keyword, line);
        }
        return word().text;
    }

    private Word word() throws NetrcException {
        int start = line;
        StringBuilder b = new StringBuilder();
        boolean quoted = text.charAt(pos) == '"';
        if (quoted) {
            pos++;
            while (true) {
                if (pos == text.length() || text.charAt(pos) == '\n') {
                    throw new NetrcException("a quoted word is not closed on its line", start);
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (pos == text.length() || text.charAt(pos) == '\n') {
                        throw new NetrcException("a quoted word is not closed on its line", start);
                    }
                    c = text.charAt(pos++);
                    c = switch (c) { // curl's escapes; Python takes \n as n
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> c;
                    };
                }
                append(b, c, start);
            }
        } else {
            // unquoted words are literal, backslashes too (as curl; Python would drop them)
            while (pos < text.length() && !isSpace(text.charAt(pos))) {
                append(b, text.charAt(pos++), start);
            }
        }
        return new Word(b.toString(), quoted, start);
    }

    private static void append(StringBuilder b, char c, int line) throws NetrcException {
        if (b.length() == Netrc.MAX_WORD) {
            throw new NetrcException("a word is longer than " + Netrc.MAX_WORD + " characters", line);
        }
        b.append(c);
    }

    /** Skips the rest of the macdef line, then the macro's lines up to an empty line (or the end). */
    private void skipMacro() {
        skipLine();
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            int stop = end < 0 ? text.length() : end;
            boolean empty = stop == pos || stop == pos + 1 && text.charAt(pos) == '\r';
            skipLine();
            if (empty) {
                return;
            }
        }
    }

    private void skipLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        if (pos < text.length()) {
            pos++;
            line++;
        }
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
