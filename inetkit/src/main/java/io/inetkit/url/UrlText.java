package io.inetkit.url;

import java.net.URI;

/** URIs as they may appear in messages: without a password. */
final class UrlText {

    private UrlText() {}

    static String redacted(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return uri.toString();
        }
        String s = uri.toString();
        int colon = userInfo.indexOf(':');
        String masked = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":****";
        return s.replace(userInfo + "@", masked + "@");
    }
}
