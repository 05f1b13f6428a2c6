package io.inetkit.net;

/**
 * A {@code .netrc} file could not be used: it is malformed, too large, or (when checked) readable
 * by others. The message names the line but never a password or any other word of the file.
 */
public final class NetrcException extends java.io.IOException {

    /** The line the problem was found on, or 0 when it is not about one line. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without any secret
     * @param line the 1-based line, or 0 when the problem is not about one line
     */
    public NetrcException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** @return the 1-based line of the problem, or 0 when it is not about one line */
    public int line() {
        return line;
    }
}
