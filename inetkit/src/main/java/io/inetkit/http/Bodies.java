package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** The {@link RequestBody} implementations behind its factory methods. */
final class Bodies {

    private Bodies() {}

    record OfBytes(byte[] bytes, String contentType) implements RequestBody {
        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isReplayable() {
            return true;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    record OfStreams(Supplier<InputStream> source, long contentLength, String contentType, boolean isReplayable)
            implements RequestBody {
        OfStreams {
            if (contentLength < -1) {
                throw new IllegalArgumentException("content length must be -1 (unknown) or more, got " + contentLength);
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            InputStream in;
            try {
                in = source.get();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            try (in) {
                copy(in, out);
            }
        }
    }

    /** Copies with one 64 KiB buffer: bulk reads and writes only. */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[RequestBody.BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }
}
