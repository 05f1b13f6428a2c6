/**
 * HTTP client benchmarks against peers (Apache HttpClient 5 classic, OkHttp 5, java.net.http)
 * and curl, run by {@code inetkit-bench/run-http.sh} against nginx on loopback.
 * {@link io.inetkit.bench.http.Download} measures the throughput of one large download,
 * {@link io.inetkit.bench.http.SmallGets} the rate of small keep-alive GETs with 1 or more callers;
 * both print one JSON line per measured round, with the client's CPU time and heap allocation.
 */
package io.inetkit.bench.http;
