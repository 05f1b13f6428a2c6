package io.inetkit.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5322-style header block: {@code name: value} fields, in the order received, ended
 * by an empty line. Lookup by name ignores case. Used by NNTP, POP3, IMAP and HTTP, each with
 * its own {@link HeaderRules}.
 *
 * @param headers the fields in order
 */
public record HeaderBlock(List<Header> headers) {

    /** Copies the list. */
    public HeaderBlock {
        headers = List.copyOf(headers);
    }

    /**
     * Reads a header block up to and including the empty line that ends it.
     *
     * @param in where lines come from (its line limit bounds each physical line)
     * @param rules strictness and limits
     * @return the header block
     * @throws MalformedHeaderException for a line that is neither a field nor an allowed continuation
     * @throws LimitExceededException if the block is too large or has too many fields
     * @throws ConnectionClosedException if the stream ends before the empty line
     * @throws IOException on I/O errors
     */
    public static HeaderBlock read(LineReader in, HeaderRules rules) throws IOException {
        return read(in, rules, Transcript.NONE);
    }

    /**
     * Reads a header block as {@link #read(LineReader, HeaderRules)} does, recording each line received.
     *
     * @param in where lines come from
     * @param rules strictness and limits
     * @param transcript where the received lines are recorded
     * @return the header block
     * @throws IOException as {@link #read(LineReader, HeaderRules)}
     */
    public static HeaderBlock read(LineReader in, HeaderRules rules, Transcript transcript) throws IOException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(transcript, "transcript");
        boolean strict = rules.strictness() == HeaderRules.Strictness.STRICT;
        List<Header> out = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        long bytes = 0;
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new ConnectionClosedException("the connection closed in the middle of a header block",
                        name == null ? "" : name + ":" + value);
            }
            transcript.record(Transcript.Direction.RECEIVED, line);
            bytes += line.length() + 2L;
            if (bytes > rules.maxBytes()) {
                throw new LimitExceededException("the header block is larger than " + rules.maxBytes() + " bytes", rules.maxBytes());
            }
            if (line.isEmpty()) {
                if (name != null) {
                    out.add(new Header(name, trim(value)));
                }
                return new HeaderBlock(out);
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    throw new MalformedHeaderException("a header block starts with a continuation line: " + ReplyReader.quote(line));
                }
                if (strict) {
                    throw new MalformedHeaderException("folded header line (obsolete line folding is not allowed): "
                            + ReplyReader.quote(line));
                }
                value.append(line); // RFC 5322 unfolding: drop the CRLF, keep the blank
                continue;
            }
            if (name != null) {
                out.add(new Header(name, trim(value)));
            }
            if (out.size() >= rules.maxCount()) {
                throw new LimitExceededException("the header block has more than " + rules.maxCount() + " fields", rules.maxCount());
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new MalformedHeaderException("header line without a colon: " + ReplyReader.quote(line));
            }
            name = parseName(line.substring(0, colon), strict, line);
            String v = line.substring(colon + 1);
            if (strict) {
                checkStrictValue(v, line);
            }
            value = new StringBuilder(v);
        }
    }

    private static String parseName(String raw, boolean strict, String line) throws MalformedHeaderException {
        String name = strict ? raw : trimEnd(raw); // obs-ftext allows blanks before the colon
        if (name.isEmpty()) {
            throw new MalformedHeaderException("header line with an empty name: " + ReplyReader.quote(line));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = strict ? isToken(c) : c > ' ' && c < 0x7f;
            if (!ok) {
                throw new MalformedHeaderException("invalid character in header name"
                        + (c == ' ' || c == '\t' ? " (blank before the colon)" : "") + ": " + ReplyReader.quote(line));
            }
        }
        return name;
    }

    private static void checkStrictValue(String v, String line) throws MalformedHeaderException {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 0 || c == '\r' || (c < ' ' && c != '\t') || c == 0x7f) {
                throw new MalformedHeaderException("control character in header value: " + ReplyReader.quote(line));
            }
        }
    }

    private static boolean isToken(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String trim(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(start, end).toString();
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * The first value of a field.
     *
     * @param name the field name, any case
     * @return the value, or empty if the field is absent
     */
    public Optional<String> first(String name) {
        for (Header h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /**
     * All values of a field, in order.
     *
     * @param name the field name, any case
     * @return the values (empty if absent)
     */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            if (h.is(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /**
     * Tells whether a field is present.
     *
     * @param name the field name, any case
     * @return true if present
     */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** @return the number of fields */
    public int size() {
        return headers.size();
    }
}
