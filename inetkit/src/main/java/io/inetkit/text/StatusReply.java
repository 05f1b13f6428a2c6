package io.inetkit.text;

import java.util.Objects;

/**
 * A status-style reply as POP3 sends it: {@code +OK text}, {@code -ERR text}, or a SASL
 * continuation {@code + data}.
 *
 * @param status which of the three it is
 * @param text the text after the status word (may be empty)
 */
public record StatusReply(Status status, String text) {

    /** The status word. */
    public enum Status {
        /** {@code +OK}. */
        OK,
        /** {@code -ERR}. */
        ERR,
        /** {@code +} followed by a space or nothing: the server waits for more (SASL). */
        CONTINUE
    }

    /** Validates the reply. */
    public StatusReply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }

    /** @return true for {@code +OK} */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** @return the reply as it came on the wire */
    @Override
    public String toString() {
        String word = switch (status) {
            case OK -> "+OK";
            case ERR -> "-ERR";
            case CONTINUE -> "+";
        };
        return text.isEmpty() ? word : word + " " + text;
    }
}
