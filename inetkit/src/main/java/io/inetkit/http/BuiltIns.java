package io.inetkit.http;

import java.util.ArrayList;
import java.util.List;

/** The built-in links of the chain, in order, for a client's settings. */
final class BuiltIns {

    private BuiltIns() {}

    static List<Interceptor> links(HttpClient.Builder b) {
        List<Interceptor> l = new ArrayList<>();
        return l;
    }
}
