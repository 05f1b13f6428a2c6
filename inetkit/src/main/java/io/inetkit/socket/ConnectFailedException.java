package io.inetkit.socket;

import java.net.ConnectException;

/**
 * A connect failed: refused, unreachable, reset... The message reads like
 * {@code connection refused: 127.0.0.1:1234}. It is a {@link ConnectException}, so code that
 * catches the JDK's exception catches it too.
 */
public final class ConnectFailedException extends ConnectException {
    private static final long serialVersionUID = 1L;

    /** The errno-style code. */
    private final Errno errno;
    private final transient Address address;

    /**
     * Creates the exception; the message is the code's description and the address.
     *
     * @param errno why it failed
     * @param address where the socket tried to connect
     * @param cause the JDK's exception, or null
     */
    public ConnectFailedException(Errno errno, Address address, Throwable cause) {
        super(errno.description() + ": " + address);
        this.errno = errno;
        this.address = address;
        initCause(cause);
    }

    /**
     * The errno-style code.
     *
     * @return why it failed
     */
    public Errno errno() {
        return errno;
    }

    /**
     * The address the socket tried to connect to.
     *
     * @return the address
     */
    public Address address() {
        return address;
    }
}
