package io.inetkit.text;

import java.util.Objects;

/**
 * One command of a POP3-style pipeline and the status reply it got.
 *
 * @param command the command line as the transcript shows it (masked if it holds a secret)
 * @param reply the reply, unchecked: look at {@link StatusReply#isOk()}
 */
public record StatusExchange(String command, StatusReply reply) {

    /** Validates the exchange. */
    public StatusExchange {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
    }
}
