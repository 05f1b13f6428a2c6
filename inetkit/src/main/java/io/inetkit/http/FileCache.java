package io.inetkit.http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open-file cache of {@link StaticFiles} (like nginx's {@code open_file_cache} and
 * Jetty's content cache): request path to {@link CachedFile}. An entry is trusted for the
 * validity period after its last check; then the next request checks the path again (real
 * path inside the root, attributes) before it is used, so a changed, replaced or deleted
 * file, or a link turned to point outside the root, is seen within that period. Bounded in
 * entries, in content bytes and in mapped files; when full, arbitrary entries are dropped.
 * A dropped mapping is unmapped by the garbage collector (the JDK collects and retries when
 * mapping fails for want of address space or map count).
 */
final class FileCache {
    private final Map<String, CachedFile> entries = new ConcurrentHashMap<>();
    private final AtomicLong contentBytes = new AtomicLong();
    private final AtomicInteger mappings = new AtomicInteger();
    private final long validityNanos;
    private final int maxEntries;
    private final long maxContentBytes;
    private final long maxFileBytes;

    /**
     * @param validityNanos how long an entry is used without a check
     * @param maxEntries the most entries
     * @param maxContentBytes the most content bytes kept in memory over all entries
     * @param maxFileBytes the largest file whose content is kept in memory
     */
    FileCache(long validityNanos, int maxEntries, long maxContentBytes, long maxFileBytes) {
        this.validityNanos = validityNanos;
        this.maxEntries = maxEntries;
        this.maxContentBytes = maxContentBytes;
        this.maxFileBytes = maxFileBytes;
    }

    /** @return the entry for a path when it was checked within the validity period, else null */
    CachedFile fresh(String key, long now) {
        CachedFile f = entries.get(key);
        return f != null && now - f.checkedAt() < validityNanos ? f : null;
    }

    /** @return the entry for a path, fresh or not (to reuse its content when the file did not change) */
    CachedFile any(String key) {
        return entries.get(key);
    }

    /** @return whether another file may be mapped (at most a tenth of the entries, so the process's map count stays low) */
    boolean mayMap() {
        return maxEntries > 0 && mappings.get() < Math.max(1, maxEntries / 10);
    }

    /** @return whether a file of this size may have its content kept */
    boolean keepsContent(long size) {
        return size <= maxFileBytes && size <= maxContentBytes;
    }

    /** Stores an entry, then drops others while over the bounds. */
    void put(String key, CachedFile f) {
        if (maxEntries == 0) {
            return;
        }
        CachedFile old = entries.put(key, f);
        account(f, 1);
        if (old != null) {
            account(old, -1);
        }
        if (entries.size() > maxEntries || contentBytes.get() > maxContentBytes) {
            evict(key);
        }
    }

    /** Forgets a path (the file is gone or is not a regular file any more). */
    void remove(String key) {
        CachedFile old = entries.remove(key);
        if (old != null) {
            account(old, -1);
        }
    }

    private void evict(String keep) {
        Iterator<Map.Entry<String, CachedFile>> it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || contentBytes.get() > maxContentBytes) && it.hasNext()) {
            Map.Entry<String, CachedFile> e = it.next();
            if (!e.getKey().equals(keep) && entries.remove(e.getKey(), e.getValue())) {
                account(e.getValue(), -1);
            }
        }
    }

    private void account(CachedFile f, int sign) {
        contentBytes.addAndGet(sign * f.memory());
        if (f.mapped() != null) {
            mappings.addAndGet(sign);
        }
    }

    /** {@return the number of entries (for tests)} */
    int size() {
        return entries.size();
    }

    /** {@return the number of mapped files held (for tests)} */
    int mappings() {
        return mappings.get();
    }

    /** {@return the content bytes held (for tests)} */
    long contentBytes() {
        return contentBytes.get();
    }
}
