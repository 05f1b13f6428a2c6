package io.inetkit.text;

import java.util.Objects;

/**
 * The server answered with a code other than the one expected. Carries the {@link Reply};
 * {@link #kind()} tells a transient failure (4xx, try again later) from a permanent one (5xx).
 */
public class ReplyException extends ProtocolException {

    /** How the unexpected reply should be treated. */
    public enum Kind {
        /** 4xx: the command may succeed later. */
        TRANSIENT,
        /** 5xx: the command will not succeed as sent. */
        PERMANENT,
        /** A positive reply (1xx, 2xx, 3xx) other than the one expected: the dialogue went another way. */
        UNEXPECTED
    }

    private final transient Reply reply;
    /** The expectation the reply failed. */
    private final int expected;

    /**
     * Creates the exception.
     *
     * @param reply the reply received
     * @param expected the expectation it failed (as in {@link Reply#matches(int)})
     */
    public ReplyException(Reply reply, int expected) {
        super("server replied " + Objects.requireNonNull(reply, "reply") + " (expected " + describe(expected) + ")");
        this.reply = reply;
        this.expected = expected;
    }

    static String describe(int expect) {
        if (expect < 10) {
            return expect + "xx";
        } else if (expect < 100) {
            return expect + "x";
        }
        return Integer.toString(expect);
    }

    /** @return the reply received */
    public Reply reply() {
        return reply;
    }

    /** @return the reply code received */
    public int code() {
        return reply.code();
    }

    /** @return the expectation the reply failed */
    public int expected() {
        return expected;
    }

    /** @return TRANSIENT for 4xx, PERMANENT for 5xx, otherwise UNEXPECTED */
    public Kind kind() {
        return switch (reply.codeClass()) {
            case 4 -> Kind.TRANSIENT;
            case 5 -> Kind.PERMANENT;
            default -> Kind.UNEXPECTED;
        };
    }

    /** @return true for a 4xx reply */
    public boolean isTransient() {
        return kind() == Kind.TRANSIENT;
    }

    /** @return true for a 5xx reply */
    public boolean isPermanent() {
        return kind() == Kind.PERMANENT;
    }
}
