package io.inetkit.text;

import java.util.Locale;
import java.util.Objects;

/**
 * The server answered {@code -ERR} (or an unexpected continuation). Carries the
 * {@link StatusReply}. Transient and permanent failures are told apart by the RFC 2449 /
 * RFC 3206 response codes: {@code [IN-USE]}, {@code [LOGIN-DELAY]} and {@code [SYS/TEMP]} are
 * transient; everything else is treated as permanent.
 */
public class StatusReplyException extends ProtocolException {
    private final transient StatusReply reply;

    /**
     * Creates the exception.
     *
     * @param reply the reply received
     */
    public StatusReplyException(StatusReply reply) {
        super("server replied " + Objects.requireNonNull(reply, "reply"));
        this.reply = reply;
    }

    /** @return the reply received */
    public StatusReply reply() {
        return reply;
    }

    /** @return true if the reply carries a response code that means "try again later" */
    public boolean isTransient() {
        String t = reply.text().toUpperCase(Locale.ROOT);
        return t.startsWith("[IN-USE]") || t.startsWith("[LOGIN-DELAY]") || t.startsWith("[SYS/TEMP]");
    }

    /** @return true unless {@link #isTransient()} */
    public boolean isPermanent() {
        return !isTransient();
    }
}
