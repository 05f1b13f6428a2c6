package io.inetkit.http;

/** A handler registered for a method (null: any) and a path prefix, with its body limit. */
record ServerRoute(Method method, String prefix, long maxBodySize, HttpHandler handler) {

    /** @return true if {@code path} is under the prefix: equal, or continuing after a {@code /} */
    static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/';
    }
}
