package io.inetkit.text;

import java.util.Objects;

/**
 * One command of a pipeline: the line sent, and what the transcript, the handler and the
 * resulting {@link Exchange} see of it, masked when it holds a secret (a POP3 {@code PASS}
 * sent under PIPELINING, an SMTP {@code AUTH} with an initial response).
 *
 * @param line the command line without CRLF
 * @param shown what the transcript shows: the line itself, or its masked form
 */
public record PipelinedCommand(String line, String shown) {

    /** Validates the command. */
    public PipelinedCommand {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(shown, "shown");
    }

    /**
     * @param line a command line without secrets
     * @return a command shown as it is
     */
    public static PipelinedCommand of(String line) {
        return new PipelinedCommand(line, line);
    }

    /**
     * @param line a command line holding a secret
     * @param masked what the transcript shows instead, e.g. {@code "PASS ****"}
     * @return a command whose secret never reaches the transcript
     */
    public static PipelinedCommand secret(String line, String masked) {
        return new PipelinedCommand(line, masked);
    }
}
