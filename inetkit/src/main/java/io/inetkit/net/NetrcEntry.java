package io.inetkit.net;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link Netrc} file: a {@code machine NAME} entry, or the {@code default} entry
 * (empty {@link #machine()}). The password never appears in {@link #toString()}.
 *
 * @param machine the host name, or empty for the {@code default} entry
 * @param login the {@code login} (or {@code user}) value, if given
 * @param password the {@code password} value, if given
 * @param account the {@code account} value (an FTP {@code ACCT}), if given
 * @param line the line on which the entry starts (1-based)
 */
public record NetrcEntry(Optional<String> machine, Optional<String> login, Optional<String> password,
        Optional<String> account, int line) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if an optional is null
     * @throws IllegalArgumentException if line is below 1
     */
    public NetrcEntry {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(account, "account");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** @return true for the {@code default} entry (used when no machine matches) */
    public boolean isDefault() {
        return machine.isEmpty();
    }

    /** @return the entry with the password and account masked */
    @Override
    public String toString() {
        return "NetrcEntry[" + machine.map(m -> "machine=" + m).orElse("default") + ", login=" + login.orElse("")
                + ", password=" + password.map(p -> "****").orElse("") + ", account=" + account.map(a -> "****").orElse("")
                + ", line=" + line + "]";
    }
}
