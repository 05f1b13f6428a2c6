package io.inetkit.bench.http;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import io.inetkit.net.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** inetkit's {@link HttpClient}: CA given with {@code TlsConfig.trustPem}, pool sized for the callers. */
final class InetkitBenchClient implements BenchClient {

    private final HttpClient client;

    InetkitBenchClient(Options o) throws IOException {
        HttpClient.Builder b = HttpClient.builder().maxIdlePerHost(Math.max(5, o.connections()));
        if (o.caPem() != null) {
            b.tls(TlsConfig.builder().trustPem(o.caPem()).build());
        }
        client = b.build();
    }

    @Override
    public long download(URI uri, byte[] buf) throws IOException {
        try (HttpResponse r = client.send(HttpRequest.newBuilder(uri).build())) {
            BenchClient.expect200(r.status(), uri);
            InputStream in = r.body();
            return BenchClient.drain(in, buf);
        }
    }

    @Override
    public int get(URI uri) throws IOException {
        try (HttpResponse r = client.send(HttpRequest.newBuilder(uri).build())) {
            BenchClient.expect200(r.status(), uri);
            return r.bodyBytes(1 << 20).length;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
