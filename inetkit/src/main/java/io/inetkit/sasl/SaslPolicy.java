package io.inetkit.sasl;

/**
 * The user's choices for picking a mechanism; immutable.
 *
 * @param forced the mechanism to use regardless of preference, or {@code null} to pick the
 *     strongest one both sides support
 * @param allowCleartextSecrets whether PLAIN, LOGIN, OAUTHBEARER and XOAUTH2 may be used over
 *     an {@linkplain ChannelSecurity#UNENCRYPTED unencrypted} connection (default: no)
 */
public record SaslPolicy(Mechanism forced, boolean allowCleartextSecrets) {

    /** Pick the strongest common mechanism; never send a secret in clear over plain TCP. */
    public static final SaslPolicy DEFAULT = new SaslPolicy(null, false);

    /**
     * Returns a copy that forces the given mechanism.
     *
     * @param mechanism the mechanism to use
     * @return the new policy
     */
    public SaslPolicy forcing(Mechanism mechanism) {
        return new SaslPolicy(java.util.Objects.requireNonNull(mechanism, "mechanism"),
                allowCleartextSecrets);
    }

    /**
     * Returns a copy that allows (or again forbids) sending the secret in clear over an
     * unencrypted connection. Allowing it exposes the password or token to anyone on the path.
     *
     * @param allow {@code true} to allow it
     * @return the new policy
     */
    public SaslPolicy withCleartextSecrets(boolean allow) {
        return new SaslPolicy(forced, allow);
    }
}
