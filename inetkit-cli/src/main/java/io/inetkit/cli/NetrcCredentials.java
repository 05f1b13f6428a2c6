package io.inetkit.cli;

import io.inetkit.http.Credentials;
import io.inetkit.net.Netrc;
import io.inetkit.net.NetrcEntry;
import io.inetkit.net.NetrcException;
import io.inetkit.net.NetrcFileCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * -n, --netrc-optional and --netrc-file: the user:password for a URL's host from a netrc file,
 * read once per command. As curl: -u and a URL's user:password win; a URL with a user and no
 * password takes that user's password for the host. The HTTP client asks {@link #lookup} about
 * each request, so a redirect to another host gets that host's own entry, never the first host's
 * (curl 8.12's fix of CVE-2025-0167: a {@code default} entry without login and password gives
 * nothing, and an entry with a login and no password gives that login with an empty password).
 */
final class NetrcCredentials {
    private final GetRequestOptions options;
    private final Map<String, String> env;
    private Optional<Netrc> netrc;

    NetrcCredentials(GetRequestOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    /** @return true if one of the netrc options was given */
    boolean enabled() {
        return options.netrc || options.netrcOptional || options.netrcFile != null;
    }

    /** A login and password from the file (either may be empty). */
    private record Entry(String user, String password) {}

    /**
     * Reads the file now, so a missing or malformed one fails before anything is sent.
     *
     * @throws TransferFailure (exit 26) if the file is required and missing, or malformed
     */
    void load() throws TransferFailure {
        if (enabled()) {
            file();
        }
    }

    /**
     * The lookup the HTTP client asks about each request, after {@link #load}: the credentials for
     * that request URI's host, or null.
     */
    Credentials lookup(URI uri) {
        try {
            Entry e = find(uri).orElse(null);
            return e == null ? null : new Credentials(e.user(), e.password());
        } catch (TransferFailure e) { // only when load() was skipped or failed, and then nothing is sent
            throw new IllegalStateException("the netrc file was not loaded", e);
        } catch (IllegalArgumentException e) { // CR, LF or NUL in the entry: it cannot go in a header
            return null;
        }
    }

    private Optional<Entry> find(URI uri) throws TransferFailure {
        String info = uri.getRawUserInfo();
        if (!enabled() || options.user != null || (info != null && info.indexOf(':') >= 0) || uri.getHost() == null) {
            return Optional.empty();
        }
        Optional<Netrc> file = file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (info != null) { // a user without password: only that user's entry
            String user = URLDecoder.decode(info.replace("+", "%2B"), StandardCharsets.UTF_8);
            return file.get().find(host, user).flatMap(NetrcEntry::password).map(p -> new Entry(user, p));
        }
        // no login and no password (a bare "default"): nothing, never another host's password
        return file.get().find(host).filter(e -> e.login().isPresent() || e.password().isPresent())
                .map(e -> new Entry(e.login().orElse(""), e.password().orElse("")));
    }

    private Optional<Netrc> file() throws TransferFailure {
        if (netrc == null) {
            Path path = options.netrcFile;
            NetrcFileCheck check = NetrcFileCheck.NONE;
            if (path == null) { // as curl: $HOME, not $NETRC; as Python for ~/.netrc: refuse it if others may read it
                String home = env.getOrDefault("HOME", System.getProperty("user.home"));
                path = Path.of(home, ".netrc");
                check = NetrcFileCheck.OWNER_ONLY;
            }
            try {
                netrc = Optional.of(Netrc.load(path, check));
            } catch (NoSuchFileException e) {
                if (!options.netrcOptional) {
                    throw new TransferFailure(ExitCode.READ_ERROR, "the netrc file " + path
                            + " does not exist (--netrc-optional allows that)", e);
                }
                netrc = Optional.empty();
            } catch (NetrcException e) {
                throw new TransferFailure(ExitCode.READ_ERROR, "cannot use the netrc file: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new TransferFailure(ExitCode.READ_ERROR, "cannot read the netrc file " + path + ": "
                        + ErrorReporter.describe(e), e);
            }
        }
        return netrc;
    }
}
