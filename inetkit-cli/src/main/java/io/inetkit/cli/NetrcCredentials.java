package io.inetkit.cli;

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
 * -n, --netrc-optional and --netrc-file: the user:password for one URL's host from a netrc file,
 * read once per command. As curl: -u and a URL's user:password win; a URL with a user and no
 * password takes that user's password for the host. The credentials are for that URL's host only
 * (the HTTP client drops Authorization on a redirect to another origin).
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

    /**
     * @return "user:password" for the URI's host, or empty when netrc is off, -u or the URL
     *     already has a password, or the file has nothing for the host
     * @throws TransferFailure (exit 26) if the file is required and missing, or malformed
     */
    Optional<String> userPassword(URI uri) throws TransferFailure {
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
            return file.get().find(host, user).flatMap(NetrcEntry::password).map(p -> user + ":" + p);
        }
        return file.get().find(host).filter(e -> e.login().isPresent() || e.password().isPresent())
                .map(e -> e.login().orElse("") + ":" + e.password().orElse(""));
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
