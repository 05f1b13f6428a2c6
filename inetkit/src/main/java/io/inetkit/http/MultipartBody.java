package io.inetkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} request body (RFC 7578), as a browser or {@code curl -F} sends a
 * form: text fields, file uploads and parts of any content.
 *
 * <pre>{@code
 * RequestBody form = MultipartBody.builder()
 *         .field("title", "Holiday")
 *         .file("photo", Path.of("beach.jpg"))   // filename="beach.jpg", Content-Type: image/jpeg
 *         .build();
 * client.send(HttpRequest.newBuilder(uri).post(form).build());
 * }</pre>
 *
 * <p>Files are streamed from disk in {@link RequestBody#BUFFER_SIZE} pieces each time the body is
 * written, never loaded whole. The {@link #contentLength() length} is exact when every part's
 * length is known (a file counts with its size at {@link Builder#build()} time; a file whose size
 * has changed by the time it is sent fails the write with an {@link IOException} rather than
 * sending a wrong {@code Content-Length}); otherwise it is -1 and the body is sent chunked. The
 * body is replayable when every part is.
 *
 * <p>Part names and file names are sent as UTF-8 with {@code "}, CR and LF percent-encoded
 * ({@code %22}, {@code %0D}, {@code %0A}), as the HTML standard's form encoding and curl do. A form
 * without parts is allowed: it is just the closing delimiter.
 */
public final class MultipartBody implements RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String BOUNDARY_PREFIX = "------------------------";
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** RFC 2046 {@code bcharsnospace}, plus the space (allowed except at the end). */
    private static final String BOUNDARY_CHARS = ALPHANUMERIC + "'()+_,-./:=? ";
    /** Characters that force the boundary parameter into quotes (RFC 2045 tspecials and space). */
    private static final String NEEDS_QUOTES = "()<>@,;:\\\"/[]?= ";

    private final String boundary;
    private final List<Part> parts;
    private final List<byte[]> heads;
    private final byte[] closing;
    private final long contentLength;
    private final boolean replayable;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
        List<byte[]> h = new ArrayList<>(parts.size());
        long length = 0;
        boolean replay = true;
        for (Part p : parts) {
            byte[] head = head(boundary, p);
            h.add(head);
            long n = p.content().contentLength();
            length = length < 0 || n < 0 ? -1 : length + head.length + n + CRLF.length;
            replay &= p.content().isReplayable();
        }
        this.heads = List.copyOf(h);
        this.closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.contentLength = length < 0 ? -1 : length + closing.length;
        this.replayable = replay;
    }

    /** @return a builder for a form with a random boundary */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One part of the form.
     *
     * @param name the form field's name
     * @param filename the file name sent with it, or null for a plain field
     * @param contentType the part's {@code Content-Type}, or null to send none
     * @param content the part's bytes
     */
    public record Part(String name, String filename, String contentType, RequestBody content) {
        /** Checks that name and content are given. */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            checkHeaderValue("content type", contentType);
        }
    }

    /** @return the boundary between the parts (without the leading {@code --}) */
    public String boundary() {
        return boundary;
    }

    /** @return the parts, in the order they are sent */
    public List<Part> parts() {
        return parts;
    }

    /** @return the exact length, or -1 when a part's length is unknown (the body is then sent chunked) */
    @Override
    public long contentLength() {
        return contentLength;
    }

    /** @return {@code multipart/form-data; boundary=...}, the boundary quoted when it must be */
    @Override
    public String contentType() {
        boolean quote = boundary.chars().anyMatch(c -> NEEDS_QUOTES.indexOf(c) >= 0);
        return "multipart/form-data; boundary=" + (quote ? '"' + boundary + '"' : boundary);
    }

    /** @return true when every part is replayable (fields, byte arrays and files are) */
    @Override
    public boolean isReplayable() {
        return replayable;
    }

    /**
     * Writes the parts and the closing delimiter, streaming files from disk.
     *
     * @throws IOException if writing fails, or a file cannot be read or has changed size since
     *     {@link Builder#build()}
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            out.write(heads.get(i));
            parts.get(i).content().writeTo(out);
            out.write(CRLF);
        }
        out.write(closing);
    }

    /** The delimiter and the part's headers, up to and including the empty line. */
    private static byte[] head(String boundary, Part p) {
        StringBuilder sb = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(escape(p.name())).append('"');
        if (p.filename() != null) {
            sb.append("; filename=\"").append(escape(p.filename())).append('"');
        }
        sb.append("\r\n");
        if (p.contentType() != null) {
            sb.append("Content-Type: ").append(p.contentType()).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The HTML standard's escaping of names in multipart/form-data, also curl's default. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("%22");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void checkHeaderValue(String what, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException(what + " must not contain CR or LF: " + value.strip());
        }
    }

    /**
     * @return a random boundary, in curl's style: 24 dashes and 24 letters or digits. From a
     *     SecureRandom, as curl's: whoever writes a part's content must not guess the boundary
     *     and end the part early to inject fields of their own
     */
    static String randomBoundary() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(BOUNDARY_PREFIX);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /**
     * Collects the parts of a form. Files are checked (exist, readable, size) by {@link #build()};
     * argument errors are reported at once.
     */
    public static final class Builder {
        private final List<Object> parts = new ArrayList<>(); // Part, or PendingFile until build()
        private String boundary;

        private Builder() {}

        private record PendingFile(String name, Path file, String filename, String contentType) {}

        /**
         * Adds a text field, sent as UTF-8 without a {@code Content-Type}.
         *
         * @param name the field's name
         * @param value its value
         * @return this builder
         */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value");
            return part(name, value.getBytes(StandardCharsets.UTF_8), null, null);
        }

        /**
         * Adds a file upload; the file name is the path's last element, the type guessed from it.
         *
         * @param name the field's name
         * @param file the file, streamed when the body is written
         * @return this builder
         */
        public Builder file(String name, Path file) {
            return file(name, file, null, null);
        }

        /**
         * Adds a file upload with the path's last element as file name.
         *
         * @param name the field's name
         * @param file the file, streamed when the body is written
         * @param contentType its type; null to guess from the file name ({@code application/octet-stream}
         *     when unknown)
         * @return this builder
         */
        public Builder file(String name, Path file, String contentType) {
            return file(name, file, null, contentType);
        }

        /**
         * Adds a file upload.
         *
         * @param name the field's name
         * @param file the file, streamed when the body is written
         * @param filename the file name to send; null for the path's last element (never the whole path)
         * @param contentType its type; null to guess from the file name sent
         * @return this builder
         */
        public Builder file(String name, Path file, String filename, String contentType) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            checkHeaderValue("content type", contentType);
            if (filename == null) {
                Path base = file.getFileName();
                if (base == null) {
                    throw new IllegalArgumentException("not a file name: " + file);
                }
                filename = base.toString();
            }
            parts.add(new PendingFile(name, file, filename,
                    contentType != null ? contentType : MediaTypes.forFileName(filename)));
            return this;
        }

        /**
         * Adds a part of bytes (not copied: do not change the array afterwards).
         *
         * @param name the field's name
         * @param content the bytes
         * @param filename a file name to send, or null
         * @param contentType the part's type; null for none, or {@code application/octet-stream} when
         *     a file name is given
         * @return this builder
         */
        public Builder part(String name, byte[] content, String filename, String contentType) {
            Objects.requireNonNull(content, "content");
            return part(name, RequestBody.ofBytes(content, null), filename, contentType);
        }

        /**
         * Adds a part with any body; a one-shot body makes the whole form one-shot, a body of unknown
         * length makes the form chunked.
         *
         * @param name the field's name
         * @param content the part's content
         * @param filename a file name to send, or null
         * @param contentType the part's type; null for the body's own type, else none, or
         *     {@code application/octet-stream} when a file name is given
         * @return this builder
         */
        public Builder part(String name, RequestBody content, String filename, String contentType) {
            Objects.requireNonNull(content, "content");
            String type = contentType != null ? contentType : content.contentType();
            if (type == null && filename != null) {
                type = "application/octet-stream";
            }
            parts.add(new Part(name, filename, type, content));
            return this;
        }

        /**
         * Sets the boundary instead of a random one (for tests and reproducible bodies).
         *
         * @param boundary 1 to 70 characters of RFC 2046's set (letters, digits, {@code '()+_,-./:=?}
         *     and space), not ending in a space
         * @return this builder
         * @throws IllegalArgumentException if the boundary is not allowed
         */
        public Builder boundary(String boundary) {
            Objects.requireNonNull(boundary, "boundary");
            if (boundary.isEmpty() || boundary.length() > 70) {
                throw new IllegalArgumentException("a multipart boundary has 1 to 70 characters, got " + boundary.length());
            }
            for (int i = 0; i < boundary.length(); i++) {
                if (BOUNDARY_CHARS.indexOf(boundary.charAt(i)) < 0) {
                    throw new IllegalArgumentException("character '" + boundary.charAt(i)
                            + "' is not allowed in a multipart boundary (RFC 2046)");
                }
            }
            if (boundary.endsWith(" ")) {
                throw new IllegalArgumentException("a multipart boundary must not end with a space");
            }
            this.boundary = boundary;
            return this;
        }

        /**
         * Builds the body, reading each file's size.
         *
         * @return the form
         * @throws IOException naming the file, if a file does not exist, is not a regular file or
         *     cannot be read
         */
        public MultipartBody build() throws IOException {
            List<Part> built = new ArrayList<>(parts.size());
            for (Object o : parts) {
                if (o instanceof PendingFile f) {
                    built.add(new Part(f.name(), f.filename(), f.contentType(), fileContent(f.file())));
                } else {
                    built.add((Part) o);
                }
            }
            return new MultipartBody(boundary != null ? boundary : randomBoundary(), built);
        }

        private static RequestBody fileContent(Path file) throws IOException {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such file to upload");
            }
            if (!Files.isRegularFile(file)) {
                throw new IOException("cannot upload " + file + ": not a regular file");
            }
            if (!Files.isReadable(file)) {
                throw new IOException("cannot upload " + file + ": not readable");
            }
            return new MultipartFile(file, Files.size(file));
        }
    }
}
