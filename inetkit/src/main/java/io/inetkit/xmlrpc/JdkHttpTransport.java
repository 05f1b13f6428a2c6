package io.inetkit.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link XmlRpcTransport} over the JDK's {@code java.net.http.HttpClient}: POSTs
 * {@code text/xml} to one URL and returns the body of a 200 response.
 *
 * <p>This is a stop-gap until inetkit's own HTTP client exists; it will be replaced by a
 * transport over that client. It follows no redirects (a redirected POST would change
 * meaning), verifies TLS certificates and host names as the JDK does by default, and sends
 * no credentials. When the server closes a pooled connection without answering at all, the
 * request is sent once more on a new connection, as Python's client does.
 */
public final class JdkHttpTransport implements XmlRpcTransport, AutoCloseable {

    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time for a whole request, response headers included. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * Creates a transport with the default timeouts.
     *
     * @param endpoint the server's URL, http or https
     */
    public JdkHttpTransport(URI endpoint) {
        this(endpoint, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * Creates a transport.
     *
     * @param endpoint the server's URL, http or https
     * @param connectTimeout the connect timeout
     * @param requestTimeout the time allowed until the response headers arrive
     * @throws IllegalArgumentException if the URL is not http or https with a host
     */
    public JdkHttpTransport(URI endpoint, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? ""
                : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("XML-RPC endpoint must be an http or https URL"
                    + " with a host: " + endpoint);
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the endpoint URL are not"
                    + " supported; they would be sent in clear or ignored");
        }
        this.endpoint = endpoint;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public InputStream call(byte[] requestBody) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("User-Agent", "inetkit-xmlrpc")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = send(request);
        } catch (IOException e) {
            if (!closedBeforeAnswer(e)) {
                throw e;
            }
            // A pooled connection the server had already closed (HTTP/1.0 servers such as
            // Python's close after each response). Retry once on a new connection, as
            // Python's xmlrpc.client does; a second failure is reported.
            response = send(request);
        }
        if (response.statusCode() != 200) {
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = new String(body.readNBytes(200), StandardCharsets.UTF_8)
                        .replaceAll("\\p{Cntrl}", " ").strip();
            }
            throw new IOException("XML-RPC server " + endpoint + " answered HTTP "
                    + response.statusCode() + (excerpt.isEmpty() ? "" : ": " + excerpt));
        }
        return response.body();
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + endpoint);
        }
    }

    /** True when the server closed the connection without sending a single byte. */
    private static boolean closedBeforeAnswer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException
                    || String.valueOf(t.getMessage()).contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /** Closes the underlying HTTP client and its connections. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport[" + endpoint + "]";
    }
}
