package io.inetkit.http;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code 401} challenges with Basic or Digest credentials and resends the request once.
 * Credentials come from the request URI ({@code user:pass@}) or, for the origin of the call's
 * first request only, from the client: they never follow a redirect to another origin. Digest
 * is preferred to Basic. The first request goes without credentials; only a challenge reveals them.
 */
final class AuthInterceptor implements Interceptor {

    private final Credentials clientCredentials;

    AuthInterceptor(Credentials clientCredentials) {
        this.clientCredentials = clientCredentials;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        Credentials fromUri = Credentials.fromUri(request.uri());
        Credentials creds = fromUri != null ? fromUri : credentialsForOrigin(request, chain.call().request());
        if (creds == null || request.headers().contains("Authorization")) {
            return chain.proceed(request);
        }
        HttpResponse response = chain.proceed(request);
        if (response.status() != 401 || (request.body() != null && !request.body().isReplayable())) {
            return response;
        }
        List<Challenge> challenges;
        try {
            challenges = Challenge.parseAll(response.headers().all("WWW-Authenticate"));
        } catch (IOException e) {
            return response; // an unreadable challenge: hand the 401 to the caller
        }
        Optional<String> authorization = challenges.stream().filter(DigestAuth::supports)
                .max(Comparator.comparingInt(DigestAuth::strength))
                .map(c -> DigestAuth.header(c, creds, request.method().name(), request.originForm(), 1, null));
        if (authorization.isEmpty() && challenges.stream().anyMatch(c -> c.scheme().equalsIgnoreCase("Basic"))) {
            authorization = Optional.of(BasicAuth.header(creds));
        }
        if (authorization.isEmpty()) {
            return response;
        }
        response.close();
        return chain.proceed(request.toBuilder().setHeader("Authorization", authorization.get()).build());
    }

    private Credentials credentialsForOrigin(HttpRequest request, HttpRequest first) {
        if (!Origin.of(request.uri()).equals(Origin.of(first.uri()))) {
            return null;
        }
        Credentials c = Credentials.fromUri(first.uri());
        return c != null ? c : clientCredentials;
    }
}
