package io.inetkit.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the route of a request: the longest matching prefix wins, then the method (GET also serves HEAD). */
final class Router {

    /** The outcome: a route, or 404, or 405 with the allowed methods. */
    record Match(ServerRoute route, int status, String allow) {}

    private final List<Map.Entry<String, List<ServerRoute>>> byPrefix;

    Router(List<ServerRoute> routes) {
        Map<String, List<ServerRoute>> map = new LinkedHashMap<>();
        for (ServerRoute r : routes) {
            map.computeIfAbsent(r.prefix(), k -> new ArrayList<>()).add(r);
        }
        List<Map.Entry<String, List<ServerRoute>>> list = new ArrayList<>(map.entrySet());
        list.sort(Comparator.comparingInt((Map.Entry<String, List<ServerRoute>> e) -> e.getKey().length()).reversed());
        this.byPrefix = List.copyOf(list);
    }

    Match find(Method method, String path) {
        for (Map.Entry<String, List<ServerRoute>> e : byPrefix) {
            if (!ServerRoute.matches(e.getKey(), path)) {
                continue;
            }
            ServerRoute fallback = null;
            Set<String> allow = new LinkedHashSet<>();
            for (ServerRoute r : e.getValue()) {
                if (r.method() == null || r.method().equals(method)) {
                    return new Match(r, 0, null);
                }
                if (method.equals(Method.HEAD) && r.method().equals(Method.GET)) {
                    fallback = r;
                }
                allow.add(r.method().name());
                if (r.method().equals(Method.GET)) {
                    allow.add("HEAD");
                }
            }
            if (fallback != null) {
                return new Match(fallback, 0, null);
            }
            return new Match(null, Status.METHOD_NOT_ALLOWED, String.join(", ", allow));
        }
        return new Match(null, Status.NOT_FOUND, null);
    }
}
