package io.inetkit.http;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** A bounded, thread-safe cookie jar in memory: the oldest cookies go first when a bound is reached. */
final class MemoryCookieJar implements CookieJar {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Cookie> cookies = new ArrayList<>();
    private final int maxTotal;
    private final int maxPerDomain;

    MemoryCookieJar(int maxTotal, int maxPerDomain) {
        this.maxTotal = maxTotal;
        this.maxPerDomain = maxPerDomain;
    }

    @Override
    public void save(URI uri, List<Cookie> received) {
        store(received, null);
    }

    @Override
    public void addAll(Collection<Cookie> restored) {
        store(restored, Instant.now());
    }

    /** Stores cookies; one already expired at {@code now} (or, if null, when it was received) deletes its namesake. */
    private void store(Collection<Cookie> received, Instant now) {
        lock.lock();
        try {
            for (Cookie c : received) {
                Cookie old = null;
                for (int i = 0; i < cookies.size(); i++) {
                    Cookie s = cookies.get(i);
                    if (s.name().equals(c.name()) && s.domain().equals(c.domain()) && s.path().equals(c.path())) {
                        old = cookies.remove(i);
                        break;
                    }
                }
                if (c.isExpired(now == null ? c.created() : now)) {
                    continue; // an expiry in the past deletes the cookie
                }
                cookies.add(old == null ? c : new Cookie(c.name(), c.value(), c.domain(), c.path(), c.expiresAt(),
                        c.secure(), c.httpOnly(), c.hostOnly(), old.created()));
                evict(c.domain());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Cookie> all(Instant now) {
        lock.lock();
        try {
            cookies.removeIf(c -> c.isExpired(now));
            return List.copyOf(cookies);
        } finally {
            lock.unlock();
        }
    }

    private void evict(String domain) {
        long inDomain = cookies.stream().filter(c -> c.domain().equals(domain)).count();
        for (int i = 0; i < cookies.size() && inDomain > maxPerDomain; ) {
            if (cookies.get(i).domain().equals(domain)) {
                cookies.remove(i);
                inDomain--;
            } else {
                i++;
            }
        }
        while (cookies.size() > maxTotal) {
            cookies.remove(0);
        }
    }

    @Override
    public List<Cookie> load(URI uri, Instant now) {
        lock.lock();
        try {
            cookies.removeIf(c -> c.isExpired(now));
            List<Cookie> out = new ArrayList<>();
            for (Cookie c : cookies) {
                if (c.matches(uri, now)) {
                    out.add(c);
                }
            }
            out.sort(Comparator.comparingInt((Cookie c) -> -c.path().length()).thenComparing(Cookie::created));
            return out;
        } finally {
            lock.unlock();
        }
    }
}
