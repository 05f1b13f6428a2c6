package io.inetkit.cli;

import io.inetkit.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The redirect responses one {@code inet get} passed through, recorded by a network
 * interceptor: their heads for {@code -i -L} (curl shows every hop) and their number for
 * {@code %{num_redirects}}.
 */
final class RedirectLog {
    private final List<String> heads = new CopyOnWriteArrayList<>();

    /** Records a response if it is a redirect. */
    void saw(HttpResponse response) {
        if (response.isRedirect()) {
            heads.add(ResponseHead.format(response));
        }
    }

    /**
     * The heads of the redirects that were followed before {@code last}, which is itself
     * recorded when it is a redirect that was not followed.
     */
    List<String> followedBefore(HttpResponse last) {
        int n = heads.size() - (last.isRedirect() && !heads.isEmpty() ? 1 : 0);
        return List.copyOf(heads.subList(0, n));
    }
}
