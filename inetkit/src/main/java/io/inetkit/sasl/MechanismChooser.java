package io.inetkit.sasl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the mechanism to authenticate with, from what the server advertises, the user's
 * credentials, the connection's security and the user's {@link SaslPolicy}.
 *
 * <p>Without a forced mechanism, the first {@link Mechanism} in declaration order (strongest
 * first) that the server advertises and that fits the credentials wins. Mechanisms that
 * send the secret in clear are skipped on an unencrypted connection unless the policy allows
 * them; if that leaves nothing, the exception says so (use TLS, or allow it explicitly).
 *
 * <p>A forced mechanism is used if the server advertises it, or if the server advertised
 * nothing at all (some POP3 servers list no mechanisms); the clear-text rule still applies.
 */
public final class MechanismChooser {

    /** RFC 4422 section 3.1: mechanism names are at most 20 characters. */
    private static final int MAX_NAME_LENGTH = 20;

    private MechanismChooser() {
    }

    /**
     * Chooses a mechanism.
     *
     * @param advertised the mechanism names the server advertises, in any case; unknown
     *     names are ignored
     * @param credentials the user's password or token
     * @param channel whether the connection is encrypted
     * @param policy the user's choices
     * @return the mechanism to use; create the conversation with {@link Mechanism#newClient}
     * @throws SaslNegotiationException if no acceptable mechanism is available
     * @throws IllegalArgumentException if the forced mechanism does not fit the credentials
     */
    public static Mechanism choose(Collection<String> advertised, Credentials credentials,
            ChannelSecurity channel, SaslPolicy policy) throws SaslNegotiationException {
        Objects.requireNonNull(advertised, "advertised");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(policy, "policy");
        Set<Mechanism> offered = known(advertised);
        boolean clearTextOk = channel == ChannelSecurity.ENCRYPTED || policy.allowCleartextSecrets();
        if (policy.forced() != null) {
            return forced(policy.forced(), advertised, offered, credentials, clearTextOk);
        }
        List<String> refusedInClear = new ArrayList<>();
        for (Mechanism m : Mechanism.values()) {
            if (!offered.contains(m) || !m.accepts(credentials)) {
                continue;
            }
            if (m.sendsSecretInClear() && !clearTextOk) {
                refusedInClear.add(m.wireName());
                continue;
            }
            return m;
        }
        if (!refusedInClear.isEmpty()) {
            throw new SaslNegotiationException("the server offers only " + String.join(", ", refusedInClear)
                    + " for these credentials, which would send the secret in clear over an"
                    + " unencrypted connection; use TLS (or STARTTLS), or allow clear-text secrets explicitly");
        }
        throw new SaslNegotiationException("no common SASL mechanism: the server offers "
                + describe(advertised) + ", and inetkit supports " + supported(credentials)
                + " for " + kind(credentials));
    }

    private static Mechanism forced(Mechanism m, Collection<String> advertised, Set<Mechanism> offered,
            Credentials credentials, boolean clearTextOk) throws SaslNegotiationException {
        if (!m.accepts(credentials)) {
            throw new IllegalArgumentException("forced mechanism " + m.wireName()
                    + " does not fit the credentials (" + kind(credentials) + ")");
        }
        if (!advertised.isEmpty() && !offered.contains(m)) {
            throw new SaslNegotiationException("the server does not offer the requested mechanism "
                    + m.wireName() + " (it offers " + describe(advertised) + ")");
        }
        if (m.sendsSecretInClear() && !clearTextOk) {
            throw new SaslNegotiationException("refusing " + m.wireName() + " over an unencrypted"
                    + " connection: it would send the secret in clear; use TLS (or STARTTLS),"
                    + " or allow clear-text secrets explicitly");
        }
        return m;
    }

    private static Set<Mechanism> known(Collection<String> advertised) {
        Set<Mechanism> known = EnumSet.noneOf(Mechanism.class);
        for (String name : advertised) {
            if (name != null && name.length() <= MAX_NAME_LENGTH) {
                Mechanism.fromWireName(name).ifPresent(known::add);
            }
        }
        return known;
    }

    private static String describe(Collection<String> advertised) {
        if (advertised.isEmpty()) {
            return "nothing";
        }
        List<String> names = new ArrayList<>();
        for (String name : advertised) {
            if (names.size() == 20) {
                names.add("...");
                break;
            }
            names.add(SaslBytes.quote(String.valueOf(name)));
        }
        return String.join(", ", names);
    }

    private static String supported(Credentials credentials) {
        List<String> names = new ArrayList<>();
        for (Mechanism m : Mechanism.values()) {
            if (m.accepts(credentials)) {
                names.add(m.wireName());
            }
        }
        return String.join(", ", names);
    }

    private static String kind(Credentials credentials) {
        return switch (credentials) {
            case Credentials.Password p -> p.authorizationId().isEmpty()
                    ? "a password" : "a password with an authorization identity";
            case Credentials.Token t -> "an OAuth token";
        };
    }
}
