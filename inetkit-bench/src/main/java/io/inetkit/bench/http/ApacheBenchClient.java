package io.inetkit.bench.http;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Apache HttpClient 5 classic (blocking): a pooling connection manager with as many connections
 * per route as callers (its default of 5 would make 11 of 16 callers wait), the CA through
 * {@link DefaultClientTlsStrategy} (default host name verifier), response handlers that release
 * the connection.
 */
final class ApacheBenchClient implements BenchClient {

    private final CloseableHttpClient client;

    ApacheBenchClient(Options o) throws IOException {
        int max = Math.max(5, o.connections());
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(max)
                .setMaxConnTotal(max);
        Trust trust = Trust.of(o.caPem());
        if (trust != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(trust.sslContext()));
        }
        client = HttpClients.custom().setConnectionManager(cm.build()).build();
    }

    @Override
    public long download(URI uri, byte[] buf) throws IOException {
        return client.execute(new HttpGet(uri), response -> {
            BenchClient.expect200(response.getCode(), uri);
            return BenchClient.drain(response.getEntity().getContent(), buf);
        });
    }

    @Override
    public int get(URI uri) throws IOException {
        return client.execute(new HttpGet(uri), response -> {
            BenchClient.expect200(response.getCode(), uri);
            return EntityUtils.toByteArray(response.getEntity()).length;
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
