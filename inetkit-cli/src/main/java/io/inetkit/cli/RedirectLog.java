package io.inetkit.cli;

import io.inetkit.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The responses one {@code inet get} received, recorded by a network interceptor, so as they
 * came off the wire (before decompression removes Content-Encoding and Content-Length): the
 * redirects' heads for {@code -i -L} (curl shows every hop) and their number for
 * {@code %{num_redirects}}, and the last head received, which {@code -i} and {@code -D} show.
 */
final class RedirectLog {
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private volatile String lastHead;

    /** Forgets what earlier transfers received: the next URL of the same command starts afresh. */
    void clear() {
        heads.clear();
        lastHead = null;
    }

    /** Records a response's head as received; keeps it in the list if it is a redirect. */
    void saw(HttpResponse response) {
        String head = ResponseHead.format(response);
        lastHead = head;
        if (response.isRedirect()) {
            heads.add(head);
        }
    }

    /**
     * The head of the final response as it was received (curl shows headers as received),
     * or {@code last}'s own head when no response went through the network interceptor.
     */
    String wireHead(HttpResponse last) {
        String head = lastHead;
        return head != null ? head : ResponseHead.format(last);
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
