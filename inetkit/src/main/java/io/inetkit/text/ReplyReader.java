package io.inetkit.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads replies in the two styles of the classic protocols, through a bounded
 * {@link LineReader}, and checks the expected code in one place.
 *
 * <p>Numeric replies (FTP, SMTP, NNTP): {@code 250 text}, or multi-line
 * {@code 250-first} ... {@code 250 last}. Tolerated, because real servers send them:
 * <ul>
 *   <li>RFC 959 continuation lines without a code ({@code 123-First line}, {@code Second line},
 *       {@code 123 last}), and continuation lines starting with a <em>different</em> code
 *       (old FTP servers' STAT and HELP output): both kept as text;</li>
 *   <li>a line of just the three digits ({@code 250}) as a complete or final line;</li>
 *   <li>bare LF line ends (by the line reader).</li>
 * </ul>
 * Status replies (POP3): {@code +OK}, {@code -ERR} (case-insensitively, as some servers send
 * {@code +ok}), and {@code +} continuations.
 *
 * <p>Bounded: at most {@code maxLines} lines per reply, each at most the line reader's limit.
 */
public final class ReplyReader {

    /** The default maximum number of lines in one reply. */
    public static final int DEFAULT_MAX_LINES = 1000;

    private final LineReader in;
    private final int maxLines;
    private final Transcript transcript;

    /**
     * Creates a reply reader.
     *
     * @param in where lines come from
     * @param maxLines the most lines one reply may have
     * @param transcript where received lines are recorded
     */
    public ReplyReader(LineReader in, int maxLines, Transcript transcript) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive, got " + maxLines);
        }
        this.maxLines = maxLines;
        this.transcript = Objects.requireNonNull(transcript, "transcript");
    }

    /**
     * Creates a reply reader with {@link #DEFAULT_MAX_LINES} and no transcript.
     *
     * @param in where lines come from
     */
    public ReplyReader(LineReader in) {
        this(in, DEFAULT_MAX_LINES, Transcript.NONE);
    }

    /**
     * Reads one numeric reply and checks its code as {@link Reply#matches(int)} does.
     *
     * @param expect 0 (any), a class ({@code 2}), a decade ({@code 25}) or a code ({@code 250})
     * @return the reply
     * @throws ReplyException if the code does not match; it carries the reply
     * @throws MalformedReplyException if a line is not a reply line
     * @throws LimitExceededException if the reply has too many or too long lines
     * @throws ConnectionClosedException if the connection closes first
     * @throws IOException on I/O errors
     */
    public Reply readReply(int expect) throws IOException {
        Reply.checkExpect(expect);
        Reply reply = readReply();
        if (!reply.matches(expect)) {
            throw new ReplyException(reply, expect);
        }
        return reply;
    }

    /**
     * Reads one numeric reply without checking its code.
     *
     * @return the reply
     * @throws IOException as {@link #readReply(int)}, except ReplyException
     */
    public Reply readReply() throws IOException {
        String first = nextLine(List.of());
        int code = parseCode(first);
        List<String> lines = new ArrayList<>();
        lines.add(first.length() > 4 ? first.substring(4) : "");
        if (first.length() == 3 || first.charAt(3) == ' ') {
            return new Reply(code, lines);
        }
        String prefix = first.substring(0, 3);
        while (true) {
            if (lines.size() >= maxLines) {
                throw new LimitExceededException("the server's " + code + " reply has more than " + maxLines + " lines", maxLines);
            }
            String line = nextLine(lines);
            if (line.startsWith(prefix) && (line.length() == 3 || line.charAt(3) == ' ')) {
                lines.add(line.length() > 4 ? line.substring(4) : "");
                return new Reply(code, lines);
            }
            if (line.startsWith(prefix) && line.length() > 3 && line.charAt(3) == '-') {
                lines.add(line.substring(4));
            } else {
                lines.add(line); // RFC 959 continuation without a code, or another code: text
            }
        }
    }

    /**
     * Reads one status reply ({@code +OK}, {@code -ERR}, {@code +}) without judging it.
     *
     * @return the reply
     * @throws MalformedReplyException if the line is not a status line
     * @throws IOException on I/O errors
     */
    public StatusReply readStatus() throws IOException {
        String line = nextLine(List.of());
        String upper = line.toUpperCase(Locale.ROOT);
        if (isWord(upper, "+OK")) {
            return new StatusReply(StatusReply.Status.OK, rest(line, 3));
        } else if (isWord(upper, "-ERR")) {
            return new StatusReply(StatusReply.Status.ERR, rest(line, 4));
        } else if (isWord(upper, "+")) {
            return new StatusReply(StatusReply.Status.CONTINUE, rest(line, 1));
        }
        throw new MalformedReplyException("expected +OK or -ERR from the server, got " + quote(line));
    }

    /**
     * Reads a status reply and requires {@code +OK}.
     *
     * @return the {@code +OK} reply
     * @throws StatusReplyException on {@code -ERR} or a continuation
     * @throws IOException as {@link #readStatus()}
     */
    public StatusReply readStatusOk() throws IOException {
        StatusReply r = readStatus();
        if (!r.isOk()) {
            throw new StatusReplyException(r);
        }
        return r;
    }

    private static boolean isWord(String line, String word) {
        return line.startsWith(word) && (line.length() == word.length() || line.charAt(word.length()) == ' ');
    }

    private static String rest(String line, int wordLength) {
        return line.length() > wordLength + 1 ? line.substring(wordLength + 1) : "";
    }

    private String nextLine(List<String> soFar) throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (ConnectionClosedException e) { // closed in mid-line: report the reply so far and that line
            List<String> all = new ArrayList<>(soFar);
            all.add(e.partial());
            throw new ConnectionClosedException("the server closed the connection in the middle of a reply",
                    String.join("\n", all));
        }
        if (line == null) {
            throw new ConnectionClosedException(soFar.isEmpty()
                    ? "the server closed the connection instead of replying"
                    : "the server closed the connection in the middle of a reply", String.join("\n", soFar));
        }
        transcript.record(Transcript.Direction.RECEIVED, line);
        return line;
    }

    private static int parseCode(String line) throws MalformedReplyException {
        if (line.length() < 3 || line.charAt(0) < '1' || line.charAt(0) > '9'
                || !isDigit(line.charAt(1)) || !isDigit(line.charAt(2))
                || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            throw new MalformedReplyException("expected a three-digit reply code from the server, got " + quote(line));
        }
        return (line.charAt(0) - '0') * 100 + (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Quotes a peer's line for an error message: control characters escaped, length capped. */
    static String quote(String line) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(line.length(), 80);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c < ' ' || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(line.length() > n ? "...\"" : "\"").toString();
    }
}
