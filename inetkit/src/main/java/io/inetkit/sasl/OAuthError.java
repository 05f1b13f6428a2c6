package io.inetkit.sasl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON error a server sends as a challenge after a rejected OAuth token
 * (RFC 7628 section 3.2.2, and Google's XOAUTH2), e.g.
 * {@code {"status":"invalid_token","scope":"...","openid-configuration":"..."}}.
 *
 * <p>Only the {@code status} and {@code scope} strings are extracted, for the error message;
 * a full JSON parser is not needed for that and would be more attack surface.
 */
final class OAuthError {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"\\\\]{0,100})\"");
    private static final Pattern SCOPE = Pattern.compile("\"scope\"\\s*:\\s*\"([^\"\\\\]{0,200})\"");

    private OAuthError() {
    }

    /** Describes the error for a message: "status invalid_token, scope ..." or the raw text. */
    static String describe(String json) {
        Matcher status = STATUS.matcher(json);
        if (!status.find()) {
            return "error " + SaslBytes.quote(json.strip());
        }
        StringBuilder sb = new StringBuilder("status ").append(SaslBytes.quote(status.group(1)));
        Matcher scope = SCOPE.matcher(json);
        if (scope.find()) {
            sb.append(", scope ").append(SaslBytes.quote(scope.group(1)));
        }
        return sb.toString();
    }
}
