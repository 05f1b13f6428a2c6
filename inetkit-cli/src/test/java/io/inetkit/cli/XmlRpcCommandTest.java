package io.inetkit.cli;

import static io.inetkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code inet xmlrpc} against Python's SimpleXMLRPCServer on loopback. */
@Timeout(30)
class XmlRpcCommandTest {
    private static final String SERVER = String.join("\n",
            "from xmlrpc.server import SimpleXMLRPCServer",
            "from xmlrpc.client import Fault",
            "s = SimpleXMLRPCServer(('127.0.0.1', 0), logRequests=False, allow_none=True)",
            "s.register_introspection_functions()",
            "s.register_function(lambda a, b: a + b, 'add')",
            "s.register_function(lambda *a: list(a), 'echo')",
            "def fail(): raise Fault(42, 'boom\\nsecond line')",
            "s.register_function(fail, 'fail')",
            "print(s.server_address[1], flush=True)",
            "s.serve_forever()");

    private static Process python;
    private static String url;

    @BeforeAll
    static void start() throws IOException {
        python = new ProcessBuilder("python3", "-c", SERVER).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.US_ASCII));
        url = "http://127.0.0.1:" + r.readLine().strip() + "/RPC2";
    }

    @AfterAll
    static void stop() throws InterruptedException {
        python.destroy();
        python.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void addsIntsAndDoubles() {
        CliRun r = run("xmlrpc", url, "add", "2", "40");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("42");
        assertThat(run("xmlrpc", url, "add", "1.5", "2").out().strip()).isEqualTo("3.5");
        assertThat(run("xmlrpc", url, "add", "ab", "cd").out().strip()).isEqualTo("\"abcd\"");
    }

    @Test
    void jsonArgumentsComeBackAsJson() {
        CliRun r = run("xmlrpc", url, "echo", "{\"name\":\"ann\",\"tags\":[1,true,null]}", "false", "plain text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(), String.join("\n",
                "[",
                "  {",
                "    \"name\": \"ann\",",
                "    \"tags\": [",
                "      1,",
                "      true,",
                "      null",
                "    ]",
                "  },",
                "  false,",
                "  \"plain text\"",
                "]"), ""));
    }

    @Test
    void faultIsOneLineAndExitOne() {
        CliRun r = run("xmlrpc", url, "fail");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inet: fault 42: boom second line" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verboseShowsTheExchange() {
        CliRun r = run("xmlrpc", "-v", url, "add", "1", "2");
        assertThat(r.err()).contains("> POST /RPC2 HTTP/1.1").contains("< HTTP/1.0 200 OK");
        assertThat(r.out().strip()).isEqualTo("3");
    }

    @Test
    void introspectionWorks() {
        assertThat(run("xmlrpc", url, "system.listMethods").out()).contains("\"add\"").contains("\"system.methodHelp\"");
    }

    @Test
    void badJsonAndBadUrlsAreUsageErrors() {
        CliRun r = run("xmlrpc", url, "echo", "[1,");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("inet: ").contains("invalid JSON");
        assertThat(run("xmlrpc", "ftp://x/", "m").code()).isEqualTo(2);
    }

    @Test
    void httpErrorsAreOneLine() {
        CliRun r = run("xmlrpc", url.replace("/RPC2", "/nowhere"), "add", "1", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("inet: ").contains("404").doesNotContain("\tat ");
    }
}
