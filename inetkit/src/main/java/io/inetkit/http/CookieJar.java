package io.inetkit.http;

/** placeholder */
public interface CookieJar {
    /** @return a jar */
    static CookieJar inMemory() {
        throw new UnsupportedOperationException();
    }
}
