package io.inetkit.text;

import java.util.Objects;

/**
 * One command of a pipeline and the reply it got.
 *
 * @param command the command line as the transcript shows it (masked if it holds a secret: see
 *     {@link PipelinedCommand})
 * @param reply the reply, unchecked: look at its code
 */
public record Exchange(String command, Reply reply) {

    /** Validates the exchange. */
    public Exchange {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
    }
}
