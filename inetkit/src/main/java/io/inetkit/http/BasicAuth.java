package io.inetkit.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Basic authentication scheme (RFC 7617), UTF-8 encoded. */
final class BasicAuth {

    private BasicAuth() {}

    /** @return the {@code Authorization} (or {@code Proxy-Authorization}) value for the credentials */
    static String header(Credentials c) {
        byte[] raw = (c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }
}
