package io.inetkit.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Limits, charset and transcript of a {@link TextConnection}.
 *
 * @param charset the charset of command and reply lines (ISO-8859-1 by default: every byte
 *     decodes, and characters it cannot carry are refused when sending)
 * @param maxLineLength the longest line accepted from the peer, in bytes
 * @param maxReplyLines the most lines in one reply
 * @param maxBodyBytes the largest dot-terminated body accepted
 * @param transcript where lines are traced (secrets masked)
 */
public record TextOptions(Charset charset, int maxLineLength, int maxReplyLines, long maxBodyBytes,
                          Transcript transcript) {

    /** ISO-8859-1, 8 KiB lines, 1000 reply lines, 1 GiB bodies, no transcript. */
    public static final TextOptions DEFAULT = new TextOptions(StandardCharsets.ISO_8859_1,
            LineReader.DEFAULT_MAX_LINE_LENGTH, ReplyReader.DEFAULT_MAX_LINES, 1L << 30, Transcript.NONE);

    /** Validates the options. */
    public TextOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(transcript, "transcript");
        if (maxLineLength < 1 || maxReplyLines < 1 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits must be positive: maxLineLength=" + maxLineLength
                    + ", maxReplyLines=" + maxReplyLines + ", maxBodyBytes=" + maxBodyBytes);
        }
    }

    /**
     * @param cs the line charset
     * @return a copy with another charset
     */
    public TextOptions withCharset(Charset cs) {
        return new TextOptions(cs, maxLineLength, maxReplyLines, maxBodyBytes, transcript);
    }

    /**
     * @param t the transcript
     * @return a copy with another transcript
     */
    public TextOptions withTranscript(Transcript t) {
        return new TextOptions(charset, maxLineLength, maxReplyLines, maxBodyBytes, t);
    }

    /**
     * @param n the longest line accepted, in bytes
     * @return a copy with another line limit
     */
    public TextOptions withMaxLineLength(int n) {
        return new TextOptions(charset, n, maxReplyLines, maxBodyBytes, transcript);
    }

    /**
     * @param n the most lines in one reply
     * @return a copy with another reply line limit
     */
    public TextOptions withMaxReplyLines(int n) {
        return new TextOptions(charset, maxLineLength, n, maxBodyBytes, transcript);
    }

    /**
     * @param n the largest body accepted, in bytes
     * @return a copy with another body limit
     */
    public TextOptions withMaxBodyBytes(long n) {
        return new TextOptions(charset, maxLineLength, maxReplyLines, n, transcript);
    }
}
