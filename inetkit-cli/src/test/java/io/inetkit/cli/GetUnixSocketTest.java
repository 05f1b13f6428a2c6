package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code inet get --unix-socket PATH URL} against a tiny HTTP server on a socket file. */
@Timeout(30)
class GetUnixSocketTest {
    @TempDir
    Path dir;
    private Path socket;
    private ServerSocketChannel server;
    private Thread acceptor;

    /** Answers each connection's request with its request line and Host header, then closes it. */
    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("docker.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofVirtual().start(() -> {
            while (true) {
                try (SocketChannel ch = server.accept()) {
                    String head = readHead(Channels.newInputStream(ch));
                    String line = head.substring(0, head.indexOf("\r\n"));
                    String host = head.replaceAll("(?s).*\r\nHost: ([^\r]*)\r\n.*", "$1");
                    byte[] body = (line + " host=" + host).getBytes(StandardCharsets.UTF_8);
                    ch.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
                    ch.write(ByteBuffer.wrap(body));
                } catch (IOException e) {
                    return; // the server channel was closed
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.size() >= 4 && b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void getsOverTheSocketWithTheUrlsHost() {
        CliRun r = run("get", "--unix-socket", socket.toString(), "http://localhost/version");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("GET /version HTTP/1.1 host=localhost");
        CliRun named = run("get", "--unix-socket", socket.toString(), "http://docker.invalid:2375/v1.43/info");
        assertThat(named.out()).isEqualTo("GET /v1.43/info HTTP/1.1 host=docker.invalid:2375");
    }

    @Test
    void writeOutNamesTheSocketAsCurlDoes() {
        CliRun r = run("get", "-s", "-o", dir.resolve("body").toString(), "--unix-socket", socket.toString(),
                "-w", "%{http_code} %{remote_ip} %{remote_port} [%{local_ip}] %{local_port}", "http://localhost/");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("200 " + socket + " 80 [] 0");
    }

    @Test
    void aProxyIsNotUsed() {
        CliRun r = run("get", "--unix-socket", socket.toString(), "-x", "http://127.0.0.1:1", "http://localhost/p");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("GET /p HTTP/1.1 host=localhost");
    }

    @Test
    void aMissingSocketIsExit7OnOneLine() {
        Path missing = dir.resolve("nobody.sock");
        CliRun r = run("get", "--unix-socket", missing.toString(), "http://localhost/");
        assertThat(r.code()).isEqualTo(7);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains(missing.toString());
    }
}
