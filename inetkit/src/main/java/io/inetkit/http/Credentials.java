package io.inetkit.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A user name and password for Basic or Digest authentication (server or proxy). The
 * password never appears in {@link #toString()}.
 *
 * @param user the user name (for Basic: without a colon)
 * @param password the password
 */
public record Credentials(String user, String password) {

    /**
     * Validates the credentials.
     *
     * @throws IllegalArgumentException if a part contains CR, LF or NUL
     */
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        HttpSyntax.checkValue("user", user);
        HttpSyntax.checkValue("password", password);
    }

    /**
     * Reads {@code user:password} from a URI's user information (percent-decoded).
     *
     * @param uri the URI
     * @return the credentials, or null if the URI has no user information
     */
    public static Credentials fromUri(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String pass = colon < 0 ? "" : info.substring(colon + 1);
        return new Credentials(decode(user), decode(pass));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** @return the user name with the password masked */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****]";
    }
}
