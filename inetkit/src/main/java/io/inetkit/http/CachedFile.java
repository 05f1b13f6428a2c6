package io.inetkit.http;

import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What {@link StaticFiles} knows about one regular file it checked: its real path inside the
 * root, validators, content type, the header fields of a plain 200 already encoded, and for
 * small files the content. Immutable; {@link FileCache} replaces it when the file changes.
 *
 * @param path the real path (no links), inside the real root when it was checked
 * @param fileKey device and inode (or null): a file replaced by rename gets a new one
 * @param size the length in bytes
 * @param modified the modification time, at the file system's resolution
 * @param contentType the {@code Content-Type} value
 * @param etag the {@code ETag} value, quoted
 * @param lastModified the {@code Last-Modified} value
 * @param fields200 {@code ETag}, {@code Last-Modified}, {@code Accept-Ranges}, {@code Content-Type}
 *     and {@code Content-Length} lines of a plain 200, ISO-8859-1, each ending in CRLF
 * @param content the whole content, or null when the file is too large to keep in memory
 * @param mapped for a larger file, a read-only mapping of it, or null. Over plain TCP its first
 *     64 KiB leave with the head in one gathering write and sendfile sends the rest (see
 *     ServerResponse.sendMapped); the mapping also serves TLS-free copies when the socket is
 *     full and keeps the content consistent with the head if the file is replaced meanwhile
 * @param checkedAt {@link System#nanoTime()} when the path and attributes were last checked
 */
record CachedFile(Path path, Object fileKey, long size, FileTime modified, String contentType, String etag, String lastModified,
        byte[] fields200, byte[] content, MappedByteBuffer mapped, long checkedAt) {

    /** Describes a file from its attributes; content is the whole file or null, mapped its mapping or null. */
    static CachedFile of(Path path, BasicFileAttributes attrs, byte[] content, MappedByteBuffer mapped, long now) {
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime) + "\"";
        String lastModified = DateCache.httpDate(mtime);
        String type = MediaTypes.forFileName(path.getFileName().toString());
        byte[] fields = ("ETag: " + etag + "\r\nLast-Modified: " + lastModified + "\r\nAccept-Ranges: bytes\r\nContent-Type: " + type
                + "\r\nContent-Length: " + size + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new CachedFile(path, attrs.fileKey(), size, attrs.lastModifiedTime(), type, etag, lastModified, fields, content, mapped, now);
    }

    /** {@return whether the file checked just now is still the one described (same path, inode, size and time)} */
    boolean sameAs(Path real, BasicFileAttributes attrs) {
        return path.equals(real) && size == attrs.size() && modified.equals(attrs.lastModifiedTime())
                && Objects.equals(fileKey, attrs.fileKey());
    }

    /** {@return the same description, checked again at a later time} */
    CachedFile checkedAgain(long now) {
        return new CachedFile(path, fileKey, size, modified, contentType, etag, lastModified, fields200, content, mapped, now);
    }

    /** {@return the bytes the content takes in memory} */
    long memory() {
        return content == null ? 0 : content.length;
    }
}
