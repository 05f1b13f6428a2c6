package io.inetkit.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * A plain TCP socket whose input can be switched to read ahead, for TLS layered on top of it.
 *
 * <p>WHY: the JDK's TLS socket reads every record from the socket below in two calls, its
 * 5-byte header and then its body, and on a plain socket each call is a system call (and a copy
 * through a temporary native buffer). Reading ahead up to {@value #READ_AHEAD_BYTES} bytes at once
 * turns the 130,000 reads of a 1 GiB HTTPS download into a few thousand.
 *
 * <p>It is switched on only when TLS starts ({@link TlsConfig#upgrade}), so the buffer can never
 * hold plaintext from before a STARTTLS upgrade: the check that refuses an upgrade while
 * plaintext is pending stays exact.
 */
final class ReadAheadSocket extends Socket {
    /** About four full TLS records: fewer system calls, and little memory per connection. */
    static final int READ_AHEAD_BYTES = 64 * 1024;

    private volatile InputStream readAhead;

    /**
     * From now on {@link #getInputStream()} reads ahead. Call it before anything reads through
     * the new stream, and after the last read through the old one.
     *
     * @throws IOException if the socket is closed or not connected
     */
    void startReadAhead() throws IOException {
        if (readAhead == null) {
            readAhead = new BufferedInputStream(super.getInputStream(), READ_AHEAD_BYTES);
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream in = readAhead;
        if (in == null) {
            return super.getInputStream();
        }
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        if (isInputShutdown()) {
            throw new SocketException("Socket input is shutdown");
        }
        return in;
    }
}
