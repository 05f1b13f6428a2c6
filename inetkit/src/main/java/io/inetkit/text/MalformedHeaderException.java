package io.inetkit.text;

/** A header block contained a line that is not a valid {@code name: value} field or continuation. */
public final class MalformedHeaderException extends MalformedReplyException {

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the offending line (control characters escaped)
     */
    public MalformedHeaderException(String message) {
        super(message);
    }
}
