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

    private final List<Group> groups;

    Router(List<ServerRoute> routes) {
        Map<String, List<ServerRoute>> map = new LinkedHashMap<>();
        for (ServerRoute r : routes) {
            map.computeIfAbsent(r.prefix(), k -> new ArrayList<>()).add(r);
        }
        List<Map.Entry<String, List<ServerRoute>>> list = new ArrayList<>(map.entrySet());
        list.sort(Comparator.comparingInt((Map.Entry<String, List<ServerRoute>> e) -> e.getKey().length()).reversed());
        this.groups = list.stream().map(e -> group(e.getKey(), e.getValue())).toList();
    }

    /** Matches are made once here, so routing a request allocates nothing. */
    private record Group(String prefix, List<ServerRoute> routes, List<Match> matches, Match notAllowed) {}

    private static final Match NOT_FOUND = new Match(null, Status.NOT_FOUND, null);

    Match find(Method method, String path) {
        for (Group g : groups) {
            if (!ServerRoute.matches(g.prefix(), path)) {
                continue;
            }
            Match fallback = null;
            for (int i = 0; i < g.routes().size(); i++) {
                ServerRoute r = g.routes().get(i);
                if (r.method() == null || r.method().equals(method)) {
                    return g.matches().get(i);
                }
                if (r.method().equals(Method.GET) && method.equals(Method.HEAD)) {
                    fallback = g.matches().get(i);
                }
            }
            return fallback != null ? fallback : g.notAllowed();
        }
        return NOT_FOUND;
    }

    private static Group group(String prefix, List<ServerRoute> routes) {
        Set<String> allow = new LinkedHashSet<>();
        List<Match> matches = new ArrayList<>();
        for (ServerRoute r : routes) {
            matches.add(new Match(r, 0, null));
            if (r.method() != null) {
                allow.add(r.method().name());
                if (r.method().equals(Method.GET)) {
                    allow.add("HEAD");
                }
            }
        }
        return new Group(prefix, List.copyOf(routes), List.copyOf(matches),
                new Match(null, Status.METHOD_NOT_ALLOWED, String.join(", ", allow)));
    }
}
