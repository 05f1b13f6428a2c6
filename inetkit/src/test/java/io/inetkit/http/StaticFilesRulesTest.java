package io.inetkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule group "static files": StaticFiles' own segment guard, which the request head's dot-segment
 * check hides from tests over the wire (so breaking it alone fails no wire test), and content types.
 */
@Timeout(30)
class StaticFilesRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/files/..", "/files/%2e%2e/secret", "/files/%2E./secret", "/files/a%2f..%2f..%2fsecret",
        "/files/..%5csecret", "/files/a\\..\\secret", "/files/x%00.png", "/files/.", "/files/%2e", "/files/C:%5csecret",
        "/files/%zz", "/files/%c3"})
    void theSegmentGuardRefusesTraversalOnItsOwn(String rawPath) {
        assertThat(StaticFiles.relativeSegments(rawPath, "/files/")).as(rawPath).isNull();
    }

    @Test
    void theSegmentGuardKeepsOrdinaryNames() {
        assertThat(StaticFiles.relativeSegments("/files/a%20b/..c/d..", "/files/")).containsExactly("a b", "..c", "d..");
        assertThat(StaticFiles.relativeSegments("/other/a", "/files/")).isNull();
    }

    @Test
    void contentTypesFollowTheExtension(@TempDir Path root) throws IOException {
        Map<String, String> types = Map.of("a.html", "text/html; charset=utf-8", "a.css", "text/css; charset=utf-8",
                "a.js", "text/javascript; charset=utf-8", "a.json", "application/json", "a.png", "image/png",
                "a.svg", "image/svg+xml", "A.PNG", "image/png", "noext", "application/octet-stream", "a.unknownext", "application/octet-stream");
        for (String name : types.keySet()) {
            Files.writeString(root.resolve(name), "x");
        }
        try (HttpServer server = HttpServer.builder().get("/", StaticFiles.of(root)).start()) {
            for (var e : types.entrySet()) {
                String r = ServerRaw.sendAndReadToClose(server.address(), "GET /" + e.getKey() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(r).as(e.getKey()).startsWith("HTTP/1.1 200 ").contains("\r\nContent-Type: " + e.getValue() + "\r\n");
            }
            assertThat(List.of(ServerRaw.sendAndReadToClose(server.address(), "GET /?format=json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))
                    .singleElement().asString().contains("Content-Type: application/json");
        }
    }
}
