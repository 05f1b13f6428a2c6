package io.inetkit.cli;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;

/**
 * Pays the JDK's one-time cost of TLS key exchange on another core while the command loads
 * its trust material, resolves and connects.
 *
 * <p>The JDK's TLS client puts two key shares in every ClientHello, x25519 and secp256r1, and
 * its first secp256r1 key pair builds the curve's precomputed tables: about 0.1 s of
 * interpreted arithmetic in a fresh JVM, on the critical path of every cold HTTPS command.
 * Generating one throwaway key pair of each here, in parallel, takes that off the path (a small
 * HTTPS GET: 0.31-0.38 s instead of 0.38-0.41 s on two cores). When the handshake gets there
 * first it simply waits for the class initialisation under way; nothing is computed twice.
 * On one core it would only add two throwaway key pairs to the command's own work, so it is
 * skipped there ({@link #worthIt()}).
 */
final class TlsWarmUp {
    private TlsWarmUp() {}

    /**
     * Whether a warm-up can run beside the command: only with a second core to run on (the
     * process may be confined to one by {@code taskset} or a container's CPU limit).
     */
    static boolean worthIt() {
        return Runtime.getRuntime().availableProcessors() > 1;
    }

    /** Starts the warm-up on a daemon thread (it never delays the command's exit). */
    static Thread start() {
        Thread t = Thread.ofPlatform().name("inet-tls-warm-up").daemon().unstarted(TlsWarmUp::run);
        t.start();
        return t;
    }

    /**
     * Generates one x25519 and one secp256r1 key pair and throws them away.
     *
     * @return whether both groups were available (a JDK without one simply has nothing to warm)
     */
    static boolean run() {
        boolean ok = true;
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            ec.generateKeyPair();
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        try {
            KeyPairGenerator xdh = KeyPairGenerator.getInstance("XDH");
            xdh.initialize(NamedParameterSpec.X25519);
            xdh.generateKeyPair();
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        return ok;
    }
}
