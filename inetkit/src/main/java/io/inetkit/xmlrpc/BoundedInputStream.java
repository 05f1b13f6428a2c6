package io.inetkit.xmlrpc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a limit of bytes has been read, so a peer cannot send without end.
 * Failures of the underlying stream are wrapped in {@link SourceFailure}, so the reader can
 * tell them from the parser's own IOExceptions (such as a malformed UTF-8 sequence).
 */
final class BoundedInputStream extends FilterInputStream {

    /** The underlying stream failed; the cause is its exception. */
    static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        // Ask for at most one byte past the limit: enough to notice the overflow.
        int n;
        try {
            n = in.read(buf, off, (int) Math.min(len, limit - count + 1));
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = in.skip(Math.min(n, limit - count + 1));
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws XmlRpcProtocolException {
        count += n;
        if (count > limit) {
            throw new XmlRpcProtocolException(XmlRpcProtocolException.Kind.LIMIT_EXCEEDED,
                    "XML-RPC document is larger than the limit of " + limit + " bytes");
        }
    }
}
