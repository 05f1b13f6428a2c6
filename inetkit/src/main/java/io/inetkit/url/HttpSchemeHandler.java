package io.inetkit.url;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Opens {@code http} and {@code https} URLs with a GET on an {@link HttpClient} (whose
 * settings decide redirects, proxies, TLS and timeouts). A status of 400 or more is an
 * {@link HttpStatusException}, as in urllib.
 */
public final class HttpSchemeHandler implements SchemeHandler {

    private final HttpClient client;

    /**
     * Creates the handler.
     *
     * @param client the client to send requests with; the caller keeps ownership
     */
    public HttpSchemeHandler(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("http", "https");
    }

    @Override
    public OpenedUrl open(URI uri) throws IOException {
        HttpResponse response = client.send(HttpRequest.newBuilder(uri).get().build());
        boolean ok = false;
        try {
            if (response.status() >= 400) {
                throw new HttpStatusException(uri, response.status(), response.reason());
            }
            String length = response.headers().firstOrNull("Content-Length");
            long contentLength = -1;
            if (length != null && !response.headers().contains("Content-Encoding")) {
                try {
                    contentLength = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    contentLength = -1; // the client already refuses malformed framing; stay unknown
                }
            }
            OpenedUrl opened = new OpenedUrl(response.request().uri(), response.status(),
                    response.headers().firstOrNull("Content-Type"), Math.max(-1, contentLength), response.body());
            ok = true;
            return opened;
        } finally {
            if (!ok) {
                response.close();
            }
        }
    }
}
