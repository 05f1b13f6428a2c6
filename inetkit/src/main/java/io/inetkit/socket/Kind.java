package io.inetkit.socket;

/** A socket kind, Python's {@code SOCK_STREAM} and {@code SOCK_DGRAM}. */
public enum Kind {
    /** A reliable, ordered byte stream (TCP, or a Unix stream socket). */
    STREAM,
    /** Separate datagrams (UDP). */
    DGRAM
}
