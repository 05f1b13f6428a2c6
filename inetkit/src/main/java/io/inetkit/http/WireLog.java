package io.inetkit.http;

import io.inetkit.text.Transcript;

/** Writes request and response heads to a {@link Transcript}, with credentials masked. */
final class WireLog {

    private WireLog() {}

    /** @return the value as it may appear in a trace: credentials and cookies masked */
    static String mask(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
            int sp = value.indexOf(' ');
            return sp < 0 ? "****" : value.substring(0, sp) + " ****";
        }
        if (name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Set-Cookie")) {
            return "****";
        }
        return value;
    }

    static void header(Transcript t, Transcript.Direction d, String name, String value) {
        if (t != Transcript.NONE) {
            t.record(d, name + ": " + mask(name, value));
        }
    }
}
