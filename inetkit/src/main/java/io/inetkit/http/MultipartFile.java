package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file part of a {@link MultipartBody}: streamed afresh on each write, and exactly the size seen
 * when the form was built. WHY: the form's {@code Content-Length} counts that size, so a file that
 * grew or shrank would make the request lie about its length; failing is the only safe answer.
 */
record MultipartFile(Path file, long size) implements RequestBody {

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public String contentType() {
        return null;
    }

    @Override
    public boolean isReplayable() {
        return true;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long now = Files.size(file);
        if (now != size) {
            throw changed(now);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER_SIZE];
            long left = size;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw changed(size - left);
                }
                out.write(buf, 0, n);
                left -= n;
            }
            if (in.read() >= 0) { // it grew while we were sending: the length already sent is wrong
                throw changed(Files.size(file));
            }
        }
    }

    private IOException changed(long now) {
        return new IOException("the file " + file + " changed size while being uploaded: it had " + size
                + " bytes when the form was built, now " + now);
    }
}
