package io.inetkit.cli;

import io.inetkit.http.HttpClient;
import io.inetkit.http.HttpRequest;
import io.inetkit.http.HttpResponse;
import io.inetkit.http.RequestBody;
import io.inetkit.net.Timeouts;
import io.inetkit.net.TlsConfig;
import io.inetkit.xmlrpc.XmlRpcClient;
import io.inetkit.xmlrpc.XmlRpcConfig;
import io.inetkit.xmlrpc.XmlRpcFault;
import io.inetkit.xmlrpc.XmlRpcTransport;
import io.inetkit.xmlrpc.XmlRpcValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inet xmlrpc}: call one XML-RPC method and print the result as JSON. */
@Command(name = "xmlrpc", mixinStandardHelpOptions = true,
        description = {
            "Call an XML-RPC METHOD at URL and print the result as JSON.",
            "Each ARG is an int (i8 beyond 32 bits), a double (has '.' or an exponent), true/false,",
            "a JSON array or object (becomes array/struct; null becomes nil), or else a string.",
            "A fault prints 'inet: fault CODE: STRING' and exits 1."})
final class XmlRpcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The server's http:// or https:// URL.")
    String url;

    @Parameters(index = "1", paramLabel = "METHOD", description = "Method name, e.g. system.listMethods.")
    String method;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "Arguments (see above).")
    List<String> args = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Limit for the whole call (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = {"-k", "--insecure"}, description = "Do not verify the server's certificate or host name.")
    boolean insecure;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file.")
    Path cacert;

    @Option(names = {"-v", "--verbose"}, description = "Show the HTTP heads on stderr ('> ' sent, '< ' received).")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        URI endpoint = endpoint();
        List<XmlRpcValue> params = new ArrayList<>();
        for (String a : args) {
            try {
                params.add(XmlRpcArgs.parse(a));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "argument " + a + ": " + e.getMessage());
            }
        }
        Duration timeout = Durations.ofSeconds(spec, "--timeout", timeoutSeconds);
        PrintWriter out = spec.commandLine().getOut();
        try (HttpClient http = client(timeout)) {
            XmlRpcClient client = new XmlRpcClient(transport(http, endpoint), XmlRpcConfig.DEFAULT.withExtensions(true));
            XmlRpcValue result = client.call(method, params);
            out.println(JsonPrinter.print(result));
            out.flush();
            return ExitCode.OK.code();
        } catch (XmlRpcFault fault) {
            spec.commandLine().getErr().println("inet: fault " + fault.faultCode() + ": "
                    + fault.faultString().replace('\n', ' '));
            return ExitCode.FAILURE.code();
        }
    }

    private URI endpoint() {
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ParameterException(spec.commandLine(), "invalid URL \"" + url + "\": use http://HOST/PATH");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "invalid URL \"" + url + "\": " + e.getReason());
        }
    }

    private HttpClient client(Duration timeout) throws IOException {
        HttpClient.Builder b = HttpClient.builder().callTimeout(timeout).maxIdlePerHost(1);
        if (timeout.compareTo(Timeouts.DEFAULT.connect()) < 0) {
            b.timeouts(Timeouts.DEFAULT.withConnect(timeout));
        }
        if (verbose) {
            b.transcript(GetClientFactory.verboseTranscript(spec.commandLine().getErr()));
        }
        if (insecure) {
            b.tls(TlsConfig.builder().insecureTrustAll().build());
        } else if (cacert != null) {
            b.tls(TlsConfig.builder().trustPem(cacert).build());
        }
        return b.build();
    }

    /** XML-RPC over our HTTP client: a POST of text/xml whose 200 body is the response. */
    static XmlRpcTransport transport(HttpClient http, URI endpoint) {
        return body -> {
            HttpResponse r = http.send(HttpRequest.newBuilder(endpoint)
                    .post(RequestBody.ofBytes(body, "text/xml")).build());
            if (r.status() != 200) {
                r.close();
                throw new IOException("the XML-RPC server answered HTTP " + r.status()
                        + (r.reason().isEmpty() ? "" : " " + r.reason()));
            }
            InputStream in = r.body();
            return in;
        };
    }
}
