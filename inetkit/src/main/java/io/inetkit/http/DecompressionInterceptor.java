package io.inetkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Asks for gzip and deflate ({@code Accept-Encoding}) when the caller did not choose an encoding,
 * and decodes the response body transparently, bounded by a maximum decompressed size. The
 * decoded response has no {@code Content-Encoding} nor {@code Content-Length}.
 */
final class DecompressionInterceptor implements Interceptor {

    private final long maxBytes;

    DecompressionInterceptor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        if (request.headers().contains("Accept-Encoding")) {
            return chain.proceed(request); // the caller handles encodings itself
        }
        HttpResponse response = chain.proceed(request.toBuilder().setHeader("Accept-Encoding", "gzip, deflate").build());
        String encoding = response.headers().firstOrNull("Content-Encoding");
        if (encoding == null || request.method().equals(Method.HEAD)) {
            return response;
        }
        InflatingStream.Kind kind = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> InflatingStream.Kind.GZIP;
            case "deflate" -> InflatingStream.Kind.DEFLATE;
            default -> null;
        };
        if (kind == null) {
            return response; // identity, br, or stacked codings: passed on as they are
        }
        Headers headers = response.headers().without("Content-Encoding").without("Content-Length");
        InputStream body = new InflatingStream(response.body(), kind, maxBytes);
        return response.withBody(headers, body);
    }
}
