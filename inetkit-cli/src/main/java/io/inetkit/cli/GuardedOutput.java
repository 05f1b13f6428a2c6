package io.inetkit.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output whose failures are write errors (exit 23), so they are not mistaken for network
 * failures. Closing closes the target only if this stream owns it (a file, not stdout).
 */
final class GuardedOutput extends FilterOutputStream {
    private final String name;
    private final boolean owned;

    GuardedOutput(OutputStream target, String name, boolean owned) {
        super(target);
        this.name = name;
        this.owned = owned;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        if (owned) {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private TransferFailure failed(IOException e) {
        return new TransferFailure(ExitCode.WRITE_ERROR, "could not write to " + name + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
}
