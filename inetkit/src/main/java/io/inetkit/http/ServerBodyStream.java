package io.inetkit.http;

import io.inetkit.text.BodyTooLargeException;
import io.inetkit.text.ProtocolException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as the handler sees it: framed (Content-Length or chunked), bounded by the
 * route's limit, and sending {@code 100 Continue} before the first read when the client asked.
 */
final class ServerBodyStream extends InputStream {
    private final InputStream framed; // null: no body
    private final long limit;
    private final ServerResponse response;
    private boolean continuePending;
    private long count;
    private boolean tooLarge;
    private boolean malformed;
    private final byte[] one = new byte[1];

    ServerBodyStream(InputStream framed, long limit, boolean expectContinue, ServerResponse response) {
        this.framed = framed;
        this.limit = limit;
        this.continuePending = expectContinue;
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (framed == null) {
            return -1;
        }
        if (continuePending) {
            continuePending = false;
            response.sendContinue();
        }
        int n;
        try {
            n = framed.read(b, off, len);
        } catch (ProtocolException e) {
            malformed = true;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                tooLarge = true;
                throw new BodyTooLargeException(limit);
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return framed == null ? 0 : framed.available();
    }

    /** @return true when the whole body was read (or there is none) */
    boolean atEnd() {
        return framed == null || ((Framing) framed).atEnd();
    }

    /** @return true when the client still waits for 100 Continue (so it may never send the body) */
    boolean continuePending() {
        return continuePending;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    boolean malformed() {
        return malformed;
    }

    /** @return true when the rest of the body may be drained to keep the connection */
    boolean drainable(long maxDrain) {
        if (atEnd()) {
            return true;
        }
        if (continuePending || tooLarge || malformed) {
            return false;
        }
        long hint = ((Framing) framed).remainingHint();
        return hint >= 0 && hint <= maxDrain;
    }

    /** Reads and discards what the handler left, at most {@code maxDrain} bytes; @return true at the end */
    boolean drain(long maxDrain) {
        if (atEnd()) {
            return true;
        }
        if (continuePending || tooLarge || malformed) {
            return false;
        }
        byte[] skip = new byte[(int) Math.min(8192, Math.max(1, maxDrain))];
        long left = maxDrain;
        try {
            while (left > 0) {
                int n = framed.read(skip, 0, (int) Math.min(skip.length, left));
                if (n < 0) {
                    return true;
                }
                left -= n;
            }
            return atEnd();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // the connection stays open; the server drains or closes after the handler
    }
}
