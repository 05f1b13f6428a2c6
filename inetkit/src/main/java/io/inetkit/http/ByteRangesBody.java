package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6) of several spans of one file, with its
 * exact length known before the first byte is sent:
 * <pre>
 * --BOUNDARY CRLF Content-Type: t CRLF Content-Range: bytes a-b/size CRLF CRLF &lt;bytes&gt;
 * CRLF --BOUNDARY ... CRLF --BOUNDARY-- CRLF
 * </pre>
 * The parts are read from the file as they are written (a small file's cached content, else one
 * 64 KiB buffer at most), never the whole file at once.
 *
 * <p>The boundary is not looked for in the file: it is 32 characters drawn from 62 by
 * {@link SecureRandom} (190 bits) for each response, after the file was written, so a file
 * cannot be made to hold it and holds it by chance with odds of about its length in 2^190.
 * Scanning instead would read every part twice.
 */
final class ByteRangesBody {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BUFFER = 64 * 1024;

    private final CachedFile file;
    private final List<RangeRequest.Span> spans;
    private final String boundary;
    private final List<byte[]> heads;
    private final byte[] closing;
    private final long length;

    /**
     * Prepares the part heads with a fresh random boundary.
     *
     * @param file the file, whose size the spans lie within
     * @param spans two or more spans
     */
    ByteRangesBody(CachedFile file, List<RangeRequest.Span> spans) {
        this.file = file;
        this.spans = List.copyOf(spans);
        this.boundary = randomBoundary();
        List<byte[]> h = new ArrayList<>(spans.size());
        long n = 0;
        for (RangeRequest.Span s : spans) {
            // the CRLF before each delimiter belongs to it (RFC 2046 §5.1.1), so the first has none
            String head = (h.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\nContent-Type: " + file.contentType()
                    + "\r\nContent-Range: bytes " + s.first() + "-" + s.last() + "/" + file.size() + "\r\n\r\n";
            byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
            h.add(bytes);
            n += bytes.length + s.length();
        }
        this.heads = List.copyOf(h);
        this.closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.length = n + closing.length;
    }

    /** {@return {@code multipart/byteranges; boundary=...}} */
    String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** {@return the exact length of the body in bytes} */
    long contentLength() {
        return length;
    }

    /**
     * Writes the parts and the closing delimiter.
     *
     * @param out the response body
     * @throws IOException when reading the file or writing fails, or the file got shorter
     */
    void writeTo(OutputStream out) throws IOException {
        byte[] content = file.content();
        if (content != null) {
            for (int i = 0; i < spans.size(); i++) {
                RangeRequest.Span s = spans.get(i);
                out.write(heads.get(i));
                out.write(content, (int) s.first(), (int) s.length());
            }
            out.write(closing);
            return;
        }
        long longest = spans.stream().mapToLong(RangeRequest.Span::length).max().orElse(0);
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, longest));
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            for (int i = 0; i < spans.size(); i++) {
                out.write(heads.get(i));
                copy(ch, spans.get(i), buf, out);
            }
        }
        out.write(closing);
    }

    private void copy(FileChannel ch, RangeRequest.Span s, ByteBuffer buf, OutputStream out) throws IOException {
        long done = 0;
        while (done < s.length()) {
            buf.clear().limit((int) Math.min(buf.capacity(), s.length() - done));
            int r = ch.read(buf, s.first() + done);
            if (r < 0) {
                throw new IOException(file.path().getFileName() + " got shorter while being sent");
            }
            out.write(buf.array(), 0, r);
            done += r;
        }
    }

    private static String randomBoundary() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
