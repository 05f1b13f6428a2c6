package io.inetkit.xmlrpc;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import io.inetkit.http.RequestBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link XmlRpcTransport} over inetkit's own {@link HttpClient}: POSTs {@code text/xml} to
 * one URL over a keep-alive connection and returns the body of a 200 response; any other status
 * is an IOException with an excerpt of the body. Redirects are not followed (a redirected POST
 * would change meaning).
 */
public final class InetkitHttpTransport implements XmlRpcTransport, AutoCloseable {
    private final URI endpoint;
    private final HttpClient http;
    private final boolean owned;

    /**
     * Creates a transport with its own client (closed by {@link #close()}).
     *
     * @param endpoint the server's URL, http or https
     */
    public InetkitHttpTransport(URI endpoint) {
        this(endpoint, HttpClient.builder().followRedirects(false).build(), true);
    }

    /**
     * Creates a transport over a shared client, which {@link #close()} leaves open.
     *
     * @param endpoint the server's URL, http or https
     * @param client the client (its TLS, proxy and timeout settings apply)
     */
    public InetkitHttpTransport(URI endpoint, HttpClient client) {
        this(endpoint, Objects.requireNonNull(client, "client"), false);
    }

    private InetkitHttpTransport(URI endpoint, HttpClient http, boolean owned) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            if (owned) {
                http.close();
            }
            throw new IllegalArgumentException("XML-RPC endpoint must be an http or https URL with a host: " + endpoint);
        }
        if (endpoint.getRawUserInfo() != null) {
            if (owned) {
                http.close();
            }
            throw new IllegalArgumentException("credentials in the endpoint URL are not supported; they would be sent in clear or ignored");
        }
        this.endpoint = endpoint;
        this.http = http;
        this.owned = owned;
    }

    @Override
    public InputStream call(byte[] requestBody) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("User-Agent", "inetkit-xmlrpc")
                .post(RequestBody.ofBytes(requestBody, "text/xml; charset=utf-8"))
                .build();
        HttpResponse response = http.send(request);
        if (response.status() != 200) {
            String excerpt;
            try (response) {
                excerpt = new String(response.body().readNBytes(200), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ").strip();
            }
            throw new IOException("XML-RPC server " + endpoint + " answered HTTP " + response.status()
                    + (excerpt.isEmpty() ? "" : ": " + excerpt));
        }
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                response.close();
            }
        };
    }

    /** Closes the client when this transport created it. */
    @Override
    public void close() {
        if (owned) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "InetkitHttpTransport[" + endpoint + "]";
    }
}
