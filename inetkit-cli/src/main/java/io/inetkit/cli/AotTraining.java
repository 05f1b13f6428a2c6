package io.inetkit.cli;

import io.inetkit.http.HttpServer;
import io.inetkit.http.StaticFiles;
import io.inetkit.net.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run of the JDK's AOT cache (JEP 483/514/515), started by the {@code inet} launcher
 * once after each build with {@code -XX:AOTCacheOutput}: it runs the real code paths of the
 * commands that must start fast ({@code --help}, {@code get} over HTTP and HTTPS, small and large
 * bodies) against servers of its own on loopback, so the cache holds their classes, linked, and
 * (JDK 25) their method profiles, and C2 compiles the hot loops early in a user's run.
 *
 * <p>Not a subcommand: it is never shown to users and must not be loaded by them. It writes only
 * into a temporary folder that it deletes, and its exit code tells the launcher whether to keep
 * the cache.
 */
final class AotTraining {
    private static final String PASSWORD = "training"; // of a throwaway key that lives seconds
    private static final int LARGE = 24 << 20; // enough loop iterations for C2 profiles, a second or two

    private AotTraining() {
    }

    /**
     * Runs the training workload.
     *
     * @param args ignored
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int code = Main.run("--help");
        if (code != 0) {
            System.exit(1);
        }
        Path dir = Files.createTempDirectory("inet-aot-training");
        // The servers run in a child JVM without the training flags, so that their classes
        // (server, keytool, key store) stay out of the cache: every cached class is loaded at
        // each start, and `inet get` needs none of them.
        Process servers = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.inetkit.cli.AotTraining$Servers") // by name: the class must not enter the cache
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String[] ready = new java.io.BufferedReader(new java.io.InputStreamReader(servers.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().split(" ");
            String http = "http://127.0.0.1:" + ready[0];
            String https = "https://localhost:" + ready[1];
            String pem = ready[2];
            code |= get(dir, http + "/small.txt");
            code |= Main.run("get", "-s", "--max-time", "60", http + "/small.txt"); // to stdout
            code |= get(dir, http + "/large.bin");
            code |= get(dir, "--cacert", pem, https + "/small.txt");
            code |= get(dir, "--cacert", pem, https + "/large.bin");
            // What a default HTTPS client loads first: the JDK's CA store.
            TlsConfig.defaults().sslContext();
        } catch (IOException | RuntimeException e) {
            // The cache of what ran so far (--help at least) still shortens every start.
            System.err.println("inet: AOT training: " + e);
        } finally {
            servers.getOutputStream().close(); // the child stops at the end of its input
            if (!servers.waitFor(30, TimeUnit.SECONDS)) {
                servers.destroyForcibly();
            }
            deleteTree(dir);
        }
        if (code != 0) {
            System.err.println("inet: AOT training: a get failed (exit " + code + ")");
        }
        System.exit(0);
    }

    /** The child JVM: HTTP and HTTPS servers of a small and a large file until stdin ends. */
    static final class Servers {
        private Servers() {
        }

        /**
         * Starts the servers, prints "HTTP-PORT HTTPS-PORT CA-PEM-PATH" and serves until stdin ends.
         *
         * @param args ignored
         */
        public static void main(String[] args) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("inet-aot-servers");
            try {
                Path site = Files.createDirectory(dir.resolve("site"));
                Files.write(site.resolve("small.txt"), "x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
                writeLarge(site.resolve("large.bin"));
                Path pem = dir.resolve("server.pem");
                TlsConfig serverTls = selfSigned(dir, pem);
                try (HttpServer http = HttpServer.builder().bind("127.0.0.1", 0).get("/", StaticFiles.of(site)).start();
                     HttpServer https = HttpServer.builder().bind("127.0.0.1", 0).tls(serverTls)
                             .get("/", StaticFiles.of(site)).start()) {
                    System.out.println(http.address().getPort() + " " + https.address().getPort() + " " + pem);
                    System.out.flush();
                    System.in.transferTo(OutputStream.nullOutputStream());
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot make the training certificate: " + e.getMessage(), e);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static int get(Path dir, String... urlAndOptions) {
        List<String> argv = new java.util.ArrayList<>(List.of("get", "-s", "-S", "--max-time", "60",
                "-o", dir.resolve("out").toString()));
        argv.addAll(List.of(urlAndOptions));
        return Main.run(argv.toArray(String[]::new));
    }

    private static void writeLarge(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        new java.util.Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < LARGE; written += block.length) {
                out.write(block);
            }
        }
    }

    /** A self-signed RSA certificate for localhost from the JDK's keytool (JDK API has none). */
    private static TlsConfig selfSigned(Path dir, Path pem)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ks.getCertificate("server").getEncoded());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        return TlsConfig.builder().keyStore(ks, PASSWORD.toCharArray()).build();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
