package io.inetkit.cli;

import io.inetkit.net.TlsConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where a server listens, and its TLS certificate: shared by the {@code serve} commands. */
final class ListenOptions {
    @Option(names = {"-b", "--bind"}, defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 or :: for every interface).")
    String bind;

    @Option(names = {"-p", "--port"}, defaultValue = "8000", paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate chain.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's PKCS#8 PEM private key.")
    Path tlsKey;

    int port(CommandSpec spec) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "invalid port " + port + ": must be 0-65535 (0 picks a free port)");
        }
        return port;
    }

    /** Applies the address, port and TLS settings to a server builder. */
    io.inetkit.http.HttpServer.Builder configure(CommandSpec spec, io.inetkit.http.HttpServer.Builder builder)
            throws IOException {
        builder.bind(bind, port(spec));
        TlsConfig tls = tls(spec);
        if (tls != null) {
            builder.tls(tls);
        }
        return builder;
    }

    /** @return the TLS settings, or null for plain HTTP */
    TlsConfig tls(CommandSpec spec) throws IOException {
        if (tlsCert == null && tlsKey == null) {
            return null;
        }
        if (tlsCert == null || tlsKey == null) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        return TlsConfig.builder().keyPem(tlsCert, tlsKey).build();
    }
}
