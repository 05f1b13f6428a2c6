package io.inetkit.text;

/**
 * The server sent bytes after its reply to STARTTLS and before the TLS handshake. Those bytes
 * did not pass through TLS, so believing them would let an attacker inject replies
 * (curl CVE-2021-22947, the Postfix STARTTLS injection class). The upgrade is refused.
 */
public final class StartTlsInjectionException extends ProtocolException {
    /** How many plaintext bytes were waiting. */
    private final int bufferedBytes;

    /**
     * Creates the exception.
     *
     * @param bufferedBytes how many plaintext bytes were waiting
     */
    public StartTlsInjectionException(int bufferedBytes) {
        super("refusing STARTTLS: the server sent " + bufferedBytes
                + " unencrypted bytes before the TLS handshake (possible command injection)");
        this.bufferedBytes = bufferedBytes;
    }

    /** @return how many plaintext bytes were waiting */
    public int bufferedBytes() {
        return bufferedBytes;
    }
}
