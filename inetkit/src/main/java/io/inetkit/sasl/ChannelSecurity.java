package io.inetkit.sasl;

/** Whether the connection SASL runs over is encrypted (TLS or STARTTLS done) or not. */
public enum ChannelSecurity {
    /** TLS protects the connection: mechanisms that send the secret in clear are acceptable. */
    ENCRYPTED,
    /** Plain TCP: mechanisms that send the secret in clear are refused unless allowed. */
    UNENCRYPTED
}
