package io.inetkit.http;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Answers {@code 401} challenges with Basic or Digest credentials and resends the request once.
 * Credentials come from the request URI ({@code user:pass@}), from the client's per-request
 * lookup (asked about each request's own URI, so each origin gets its own), or, for the origin of
 * the call's first request only, from the client's fixed credentials: those never follow a
 * redirect to another origin. With {@code basicAtOnce}, what the lookup finds goes as Basic with
 * the request itself (curl's way with netrc) and a 401 to it is the answer. Digest is preferred
 * to Basic, and with {@code digestOnly} a Basic challenge is not answered. The first request to an
 * origin goes without credentials; after a successful Digest exchange the challenge is remembered
 * per origin, so later requests answer it at once with an increasing nonce count (a {@code stale}
 * nonce is answered again).
 */
final class AuthInterceptor implements Interceptor {

    private static final int MAX_REMEMBERED = 64;

    private final Credentials clientCredentials;
    private final Function<URI, Credentials> lookup;
    private final boolean basicAtOnce;
    private final boolean digestOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Origin, DigestSession> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Origin, DigestSession> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /** A remembered Digest challenge and its nonce count. */
    private static final class DigestSession {
        final Challenge challenge;
        int nonceCount;

        DigestSession(Challenge challenge, int nonceCount) {
            this.challenge = challenge;
            this.nonceCount = nonceCount;
        }
    }

    /**
     * @param clientCredentials for the first request's origin only, or null
     * @param lookup credentials for a request URI without a password, on any origin, or null
     * @param basicAtOnce send the lookup's credentials as Basic at once rather than on a challenge
     * @param digestOnly never answer a Basic challenge (the password must not go in clear)
     */
    AuthInterceptor(Credentials clientCredentials, Function<URI, Credentials> lookup, boolean basicAtOnce,
            boolean digestOnly) {
        this.clientCredentials = clientCredentials;
        this.lookup = lookup;
        this.basicAtOnce = basicAtOnce;
        this.digestOnly = digestOnly;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        HttpRequest request = chain.request();
        if (request.headers().contains("Authorization")) {
            return chain.proceed(request);
        }
        Credentials looked = lookedUp(request.uri());
        if (looked != null && basicAtOnce) {
            return chain.proceed(request.toBuilder().setHeader("Authorization", BasicAuth.header(looked)).build());
        }
        Credentials creds = looked != null ? looked : credentials(request, chain.call().request());
        if (creds == null) {
            return chain.proceed(request);
        }
        Origin origin = Origin.of(request.uri());
        String remembered = rememberedDigest(origin, request, creds);
        HttpRequest first = remembered == null ? request : request.toBuilder().setHeader("Authorization", remembered).build();
        HttpResponse response = chain.proceed(first);
        if (response.status() != 401 || (request.body() != null && !request.body().isReplayable())) {
            return response;
        }
        List<Challenge> challenges;
        try {
            challenges = Challenge.parseAll(response.headers().all("WWW-Authenticate"));
        } catch (IOException e) {
            return response; // an unreadable challenge: hand the 401 to the caller
        }
        Optional<Challenge> digest = challenges.stream().filter(DigestAuth::supports)
                .max(Comparator.comparingInt(DigestAuth::strength));
        String authorization;
        if (digest.isPresent()) {
            authorization = DigestAuth.header(digest.get(), creds, request.method().name(), request.originForm(), 1, null);
        } else if (!digestOnly && challenges.stream().anyMatch(c -> c.scheme().equalsIgnoreCase("Basic"))) {
            authorization = BasicAuth.header(creds);
        } else {
            return response;
        }
        if (remembered != null && digest.isPresent() && !"true".equalsIgnoreCase(digest.get().param("stale"))
                && digest.get().param("nonce").equals(rememberedNonce(origin))) {
            return response; // the same nonce was refused: the credentials are wrong
        }
        response.close();
        HttpResponse answered = chain.proceed(request.toBuilder().setHeader("Authorization", authorization).build());
        lock.lock();
        try {
            if (digest.isPresent() && answered.status() != 401) {
                sessions.put(origin, new DigestSession(digest.get(), 1));
            } else {
                sessions.remove(origin);
            }
        } finally {
            lock.unlock();
        }
        return answered;
    }

    /** @return a Digest answer computed from the origin's remembered challenge, or null */
    private String rememberedDigest(Origin origin, HttpRequest request, Credentials creds) {
        lock.lock();
        try {
            DigestSession s = sessions.get(origin);
            if (s == null) {
                return null;
            }
            int nc = ++s.nonceCount;
            return DigestAuth.header(s.challenge, creds, request.method().name(), request.originForm(), nc, null);
        } finally {
            lock.unlock();
        }
    }

    private String rememberedNonce(Origin origin) {
        lock.lock();
        try {
            DigestSession s = sessions.get(origin);
            return s == null ? null : s.challenge.param("nonce");
        } finally {
            lock.unlock();
        }
    }

    /** @return the lookup's credentials for a URI without a password (its own password wins), or null */
    private Credentials lookedUp(URI uri) {
        String info = uri.getRawUserInfo();
        return lookup == null || (info != null && info.indexOf(':') >= 0) ? null : lookup.apply(uri);
    }

    private Credentials credentials(HttpRequest request, HttpRequest first) {
        Credentials fromUri = Credentials.fromUri(request.uri());
        return fromUri != null ? fromUri : credentialsForOrigin(request, first);
    }

    private Credentials credentialsForOrigin(HttpRequest request, HttpRequest first) {
        if (!Origin.of(request.uri()).equals(Origin.of(first.uri()))) {
            return null;
        }
        Credentials c = Credentials.fromUri(first.uri());
        return c != null ? c : clientCredentials;
    }
}
