package io.inetkit.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * The JDK's {@code java.net.http} client, pinned to HTTP/1.1 (nginx here speaks only HTTP/1.1;
 * the default would add an h2c upgrade offer to plain requests), the CA through its SSLContext;
 * host names are verified by default.
 */
final class JdkBenchClient implements BenchClient {

    private final HttpClient client;

    JdkBenchClient(Options o) throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        Trust trust = Trust.of(o.caPem());
        if (trust != null) {
            b.sslContext(trust.sslContext());
        }
        client = b.build();
    }

    @Override
    public long download(URI uri, byte[] buf) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            BenchClient.expect200(r.statusCode(), uri);
            return BenchClient.drain(in, buf);
        }
    }

    @Override
    public int get(URI uri) throws IOException {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofByteArray());
        BenchClient.expect200(r.statusCode(), uri);
        return r.body().length;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
