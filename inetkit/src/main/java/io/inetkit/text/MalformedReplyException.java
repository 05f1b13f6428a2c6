package io.inetkit.text;

/** The peer sent a line that does not follow the protocol's syntax (e.g. a reply without a code). */
public class MalformedReplyException extends ProtocolException {

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the offending line (control characters escaped)
     */
    public MalformedReplyException(String message) {
        super(message);
    }
}
