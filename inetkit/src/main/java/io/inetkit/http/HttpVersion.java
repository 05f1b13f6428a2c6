package io.inetkit.http;

/** The HTTP/1.x protocol versions this client speaks and understands in responses. */
public enum HttpVersion {
    /** HTTP/1.0: connections close after each response unless keep-alive is announced. */
    HTTP_1_0("HTTP/1.0"),
    /** HTTP/1.1 (RFC 9112): persistent connections by default. */
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** @return the version as on the wire, e.g. {@code HTTP/1.1} */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
