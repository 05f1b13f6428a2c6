package io.inetkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.inetkit.examples.readme.GreetExample;
import io.inetkit.examples.readme.HttpExample;
import io.inetkit.examples.readme.HttpServerExample;
import io.inetkit.examples.readme.XmlRpcExample;
import io.inetkit.examples.readme.ServerExample;
import io.inetkit.examples.readme.SocketExample;
import io.inetkit.examples.readme.TextExample;
import io.inetkit.server.StreamServer;
import io.inetkit.socket.Socket;
import io.inetkit.socket.Sockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples are the marked regions of {@code io.inetkit.examples.readme}:
 * the two are compared here, so the README can only show code that compiles, and each
 * example is run against a real server on loopback.
 */
@Timeout(60)
class ReadmeExamplesTest {
    private static final Pattern README_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SOURCE_REGION =
            Pattern.compile("// README:(\\w+)\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsCompiledExampleCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> blocks = new ArrayList<>();
        for (Matcher m = README_BLOCK.matcher(readme); m.find(); ) {
            blocks.add(dedent(m.group(1)));
        }
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/inetkit/examples/readme"))) {
            for (Path f : files.sorted().toList()) {
                for (Matcher m = SOURCE_REGION.matcher(Files.readString(f)); m.find(); ) {
                    regions.put(m.group(1), dedent(m.group(2)));
                }
            }
        }
        assertThat(blocks).as("README java blocks").isNotEmpty();
        assertThat(regions.values()).as("every README java block is a marked example region")
                .containsAll(blocks);
        assertThat(blocks).as("every marked example region is in the README").containsAll(regions.values());
    }

    private static String dedent(String code) {
        List<String> lines = code.stripTrailing().lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .map(String::stripTrailing).toList()) + "\n";
    }

    @Test
    void socketExampleEchoes() throws Exception {
        assertThat(SocketExample.echoOnce()).isEqualTo("ping");
    }

    @Test
    void serverExampleUpperCases() throws Exception {
        StreamServer server = ServerExample.start();
        try (Socket client = Sockets.createConnection("127.0.0.1",
                ((InetSocketAddress) server.localAddress()).getPort(), Duration.ofSeconds(5))) {
            client.setTimeout(Duration.ofSeconds(5));
            client.sendAll("shout".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.recv(1024), StandardCharsets.UTF_8)).isEqualTo("SHOUT");
        } finally {
            ServerExample.stop(server);
        }
    }

    @Test
    void eventServerExampleUpperCases() throws Exception {
        io.inetkit.server.EventServer server = ServerExample.startEvents();
        try (Socket client = Sockets.createConnection("127.0.0.1",
                ((InetSocketAddress) server.localAddress()).getPort(), Duration.ofSeconds(5))) {
            client.setTimeout(Duration.ofSeconds(5));
            client.sendAll("shout".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.recv(1024), StandardCharsets.UTF_8)).isEqualTo("SHOUT");
        } finally {
            ServerExample.stop(server);
        }
    }

    @Test
    void greetExampleHasTheTutorialsConversation() throws Exception {
        assertThat(GreetExample.conversation())
                .containsExactly("Welcome!", "Hello, Michael!", "Hello, Tracy!", "Hello, Sarah!");
    }

    @Test
    void textExampleDeliversMailToGreenMail() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            List<String> ehlo = TextExample.sendMail("127.0.0.1", mail.getSmtp().getPort());
            assertThat(ehlo).isNotEmpty();
            assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("hi");
            assertThat(mail.getReceivedMessages()[0].getContent().toString()).contains(".leading dot survives");
        } finally {
            mail.stop();
        }
    }

    @Test
    void httpServerExampleServesGreetingsAndFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "file body");
        io.inetkit.http.HttpServer server = HttpServerExample.start(dir);
        try (io.inetkit.http.HttpClient client = io.inetkit.http.HttpClient.builder().build()) {
            String base = server.uri().toString();
            try (io.inetkit.http.HttpResponse r = client.send(io.inetkit.http.HttpRequest.get(base + "hello?name=Ada"))) {
                assertThat(r.bodyString()).isEqualTo("Hello, Ada!");
            }
            try (io.inetkit.http.HttpResponse r = client.send(io.inetkit.http.HttpRequest.get(base + "files/a.txt"))) {
                assertThat(r.bodyString()).isEqualTo("file body");
            }
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void xmlRpcExampleCallsOurServer() throws Exception {
        io.inetkit.xmlrpc.XmlRpcDispatcher dispatcher = io.inetkit.xmlrpc.XmlRpcDispatcher.builder()
                .register("add", p -> io.inetkit.xmlrpc.XmlRpcValue.of(
                        (Integer) p.get(0).toJava() + (Integer) p.get(1).toJava()))
                .build();
        io.inetkit.http.HttpServer server = io.inetkit.http.HttpServer.builder().bind("127.0.0.1", 0)
                .post("/RPC2", new io.inetkit.xmlrpc.XmlRpcHttpHandler(dispatcher)).start();
        try {
            assertThat(XmlRpcExample.addTwice(server.uri().resolve("/RPC2"))).isEqualTo(42);
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void httpExampleDownloads(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<p>hello</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path file = dir.resolve("page.html");
            int status = HttpExample.download("http://127.0.0.1:" + server.getAddress().getPort() + "/", file);
            assertThat(status).isEqualTo(200);
            assertThat(Files.readString(file)).isEqualTo("<p>hello</p>");
        } finally {
            server.stop(0);
        }
    }
}
