package io.inetkit.bench.http;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp 5 with synchronous calls: the CA through {@code sslSocketFactory(factory, trustManager)}
 * (OkHttp's default host name verifier stays), an idle pool as large as the callers.
 */
final class OkHttpBenchClient implements BenchClient {

    private final OkHttpClient client;

    OkHttpBenchClient(Options o) throws IOException {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Math.max(5, o.connections()), 5, TimeUnit.MINUTES));
        Trust trust = Trust.of(o.caPem());
        if (trust != null) {
            b.sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager());
        }
        client = b.build();
    }

    @Override
    public long download(URI uri, byte[] buf) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
            BenchClient.expect200(r.code(), uri);
            return BenchClient.drain(r.body().byteStream(), buf);
        }
    }

    @Override
    public int get(URI uri) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
            BenchClient.expect200(r.code(), uri);
            return r.body().bytes().length;
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
