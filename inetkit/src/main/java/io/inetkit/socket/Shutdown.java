package io.inetkit.socket;

/** Which direction {@link Socket#shutdown(Shutdown)} closes: Python's {@code SHUT_RD}, {@code SHUT_WR}, {@code SHUT_RDWR}. */
public enum Shutdown {
    /** Stop receiving: later receives see end of stream. */
    READ,
    /** Stop sending: the peer reads end of stream, and can still reply. */
    WRITE,
    /** Both directions. */
    BOTH
}
