package io.inetkit.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * One HTTP client under test, configured the way its own documentation suggests: a shared
 * client with a keep-alive pool, the benchmark's throwaway CA trusted through the client's
 * own TLS setting, host names verified.
 */
interface BenchClient extends AutoCloseable {

    /** What every client gets: the CA to trust (or null) and how many connections the callers need. */
    record Options(Path caPem, int connections) {
    }

    /**
     * GETs {@code uri} and reads the whole body through the client's InputStream into {@code buf}.
     *
     * @return the number of body bytes read
     * @throws IOException on failure or a status other than 200
     */
    long download(URI uri, byte[] buf) throws IOException;

    /**
     * GETs {@code uri} and reads the whole (small) body the client's usual way (bytes in memory).
     *
     * @return the body length
     * @throws IOException on failure or a status other than 200
     */
    int get(URI uri) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens the client named {@code name}: inetkit, apache, okhttp or jdk. */
    static BenchClient open(String name, Options options) throws IOException {
        return switch (name) {
            case "inetkit" -> new InetkitBenchClient(options);
            case "apache" -> new ApacheBenchClient(options);
            case "okhttp" -> new OkHttpBenchClient(options);
            case "jdk" -> new JdkBenchClient(options);
            default -> throw new IllegalArgumentException("unknown client " + name + " (inetkit, apache, okhttp, jdk)");
        };
    }

    /** Reads a stream to its end into {@code buf}, returning the count. */
    static long drain(InputStream in, byte[] buf) throws IOException {
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            total += n;
        }
        return total;
    }

    /** Fails on a status other than 200: a benchmark of error pages measures nothing. */
    static void expect200(int status, URI uri) throws IOException {
        if (status != 200) {
            throw new IOException("GET " + uri + " answered " + status + ", expected 200");
        }
    }
}
