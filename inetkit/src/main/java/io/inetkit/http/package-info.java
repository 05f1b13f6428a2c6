/**
 * HTTP/1.1 client and server. The client: a keep-alive connection pool, exact RFC 9112 message framing, redirects,
 * gzip/deflate, Basic and Digest authentication, cookies, retries, range downloads, HTTP and
 * SOCKS5 proxies, Unix-domain sockets ({@code HttpClient.Builder.unixSocket}, as curl's
 * {@code --unix-socket}), and an OkHttp-style interceptor chain. The value types ({@link io.inetkit.http.Headers},
 * {@link io.inetkit.http.Method}, {@link io.inetkit.http.HttpRequest}, {@link io.inetkit.http.HttpResponse})
 * are shared with the HTTP server of this package.
 *
 * <h2>Server</h2>
 * {@link io.inetkit.http.HttpServer} serves each connection in its own virtual thread (a
 * keep-alive loop with reused buffers) and routes requests by method and longest path prefix to
 * {@link io.inetkit.http.HttpHandler}s; {@link io.inetkit.http.StaticFiles} serves a directory.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder()
 *         .bind("0.0.0.0", 8080)
 *         .limits(HttpServerLimits.DEFAULTS.withMaxBodySize(1 << 20))
 *         .accessLog(System.out::println)                  // Common Log Format
 *         .get("/hello", (req, res) -> res.sendText(200, "hello " + req.queryParameter("name").orElse("world")))
 *         .route(Method.POST, "/upload", 100L << 20, (req, res) -> {   // own body limit: 100 MiB
 *             try (InputStream in = req.body()) {             // sends 100 Continue on first read
 *                 long n = in.transferTo(OutputStream.nullOutputStream());
 *                 res.sendText(200, n + " bytes");
 *             }
 *         })
 *         .get("/events", (req, res) -> {                     // no length: chunked
 *             OutputStream out = res.contentType("text/plain").body();
 *             out.write("tick\n".getBytes());
 *             out.flush();
 *         })
 *         .get("/static/", StaticFiles.of(Path.of("public")))
 *         .start();
 * System.out.println("listening on " + server.uri());
 * // ...
 * server.shutdown(Duration.ofSeconds(10));   // idle connections close now, requests in flight finish
 * }</pre>
 *
 * <h2>Rules the server keeps</h2>
 * <ul>
 * <li>Limits ({@link io.inetkit.http.HttpServerLimits}): request line 8 KiB (414), header block
 *     16 KiB and 100 fields (431), body per route (413), the whole head within 10 s (408, against
 *     slowloris), keep-alive idle 30 s, at most 10,000 connections.</li>
 * <li>Framing that a proxy could read differently (request smuggling) is refused with 400 and the
 *     connection closed: Content-Length with Transfer-Encoding, any Transfer-Encoding but exactly
 *     one {@code chunked}, differing or invalid Content-Length, obs-fold, blanks before the colon,
 *     control characters, a missing or repeated Host in HTTP/1.1. Paths with dot segments
 *     (also encoded) or NUL get 400 before any handler runs.</li>
 * <li>A body the handler left unread is drained (up to 64 KiB) or the connection closed; a client
 *     waiting for {@code 100 Continue} gets it only if the handler reads the body.</li>
 * <li>A handler that throws gets a 500 (if nothing was sent yet) and the connection goes on.</li>
 * </ul>
 *
 * <h2>Client</h2>
 * <pre>{@code
 * try (HttpClient client = HttpClient.builder()
 *         .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(30)))
 *         .callTimeout(Duration.ofMinutes(2))
 *         .cookieJar(CookieJar.inMemory())
 *         .retry(RetryPolicy.of(2))
 *         .proxy(ProxyEnvironment.selector(System.getenv()))
 *         .build()) {
 *
 *     try (HttpResponse r = client.send(HttpRequest.get("https://example.org/"))) {
 *         System.out.println(r.status() + " " + r.header("Content-Type").orElse("?"));
 *         r.body().transferTo(System.out);          // streams; gzip already decoded
 *     }
 *
 *     HttpRequest upload = HttpRequest.newBuilder("https://example.org/upload")
 *             .put(RequestBody.ofFile(Path.of("big.iso"), "application/octet-stream"))
 *             .expectContinue(true)                 // waits up to 1 s for 100 Continue
 *             .build();
 *     try (HttpResponse r = client.send(upload)) {
 *         if (!r.isSuccessful()) {
 *             System.err.println(r.status() + " " + r.bodyString());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h3>Rules the client keeps</h3>
 * <ul>
 * <li>Status codes are data: a 404 is a normal {@link io.inetkit.http.HttpResponse}. Failures are
 *     {@link java.io.IOException}s: the {@link io.inetkit.net.DialFailure dial failures},
 *     {@link io.inetkit.net.TlsException}, {@link io.inetkit.text.MalformedReplyException} for
 *     invalid framing (Content-Length conflicts, Transfer-Encoding with Content-Length, bad chunk
 *     sizes), {@link io.inetkit.text.LimitExceededException} (header size, decompressed size),
 *     {@link io.inetkit.text.ReadTimeoutException}, {@link io.inetkit.http.CallTimeoutException},
 *     {@link io.inetkit.http.CallCanceledException}, {@link io.inetkit.http.TooManyRedirectsException},
 *     {@link io.inetkit.http.ProxyException}.</li>
 * <li>Close every response. A body read to its end returns its connection to the pool; one closed
 *     early closes the connection; one dropped unclosed is found by a {@link java.lang.ref.Cleaner},
 *     which closes the connection and logs a warning on the {@code io.inetkit.http} logger.</li>
 * <li>An idle pooled connection is checked without blocking before reuse. A request that fails on a
 *     reused connection before any response byte is retried once on a new connection only if it is
 *     idempotent and its body can be sent again; a POST is never sent twice.</li>
 * <li>Credentials ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} set by the
 *     caller, and client credentials) never follow a redirect to another scheme, host or port. The
 *     {@link io.inetkit.text.Transcript} given to {@link io.inetkit.http.HttpClient.Builder#transcript}
 *     shows heads with those values masked and bodies summarised.</li>
 * <li>The cookie jar has no public-suffix list (see {@link io.inetkit.http.CookieJar}); {@link io.inetkit.http.CookieFile}
 *     loads and saves its cookies in the Netscape format of curl and wget.</li>
 * </ul>
 */
package io.inetkit.http;
