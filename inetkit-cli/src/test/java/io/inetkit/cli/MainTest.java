package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.greet.GreetServer;
import io.inetkit.greet.GreetServerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code inet} command: output, exit codes and one-line errors. */
@Timeout(30)
class MainTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Result r, int code, String text) {
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.err()).startsWith("inet: ").contains(text).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void demoRunsTheTutorialConversationAndExitsZero() {
        Result r = run("demo");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("server | Waiting for connection...")
                .contains("client | Welcome!")
                .contains("client | Hello, Michael!")
                .contains("client | Hello, Tracy!")
                .contains("client | Hello, Sarah!")
                .containsPattern("server \\| Accept new connection from 127\\.0\\.0\\.1:\\d+\\.\\.\\.")
                .containsPattern("server \\| Connection from 127\\.0\\.0\\.1:\\d+ closed\\.")
                .contains("stopped after 1 connection(s)")
                .contains("client | HTTP/1.1 200 OK")
                .containsPattern("client \\| Content-Length: \\d+")
                .containsPattern("server \\| 127\\.0\\.0\\.1 - - \\[.*\\] \"GET / HTTP/1\\.1\" 200 \\d+")
                .containsPattern("client \\| saved the body \\(\\d+ bytes\\) to ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void greetPrintsWhatTheTutorialsClientPrints() throws Exception {
        try (GreetServer server = GreetServer.start(GreetServerOptions.defaults()
                .withBind(new InetSocketAddress("127.0.0.1", 0)).withLog(line -> { }))) {
            String port = String.valueOf(server.localAddress().getPort());
            Result r = run("greet", "--port", port);
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(),
                    "Welcome!", "Hello, Michael!", "Hello, Tracy!", "Hello, Sarah!", ""));
            Result custom = run("greet", "--port", port, "Ada", "--", "serve");
            assertThat(custom.out()).contains("Hello, Ada!").contains("Hello, serve!");
        }
    }

    @Test
    void connectionRefusedIsExitSeven() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLineError(run("greet", "--port", String.valueOf(port)), 7, "refused");
    }

    @Test
    void unknownHostIsExitSix() {
        assertOneLineError(run("greet", "--host", "no-such-host.invalid"), 6, "no-such-host.invalid");
    }

    @Test
    void timeoutIsExit28() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("greet", "--port", String.valueOf(silent.getLocalPort()), "--timeout", "0.3");
            assertOneLineError(r, 28, "");
        }
    }

    @Test
    void portInUseIsExitTen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("greet", "serve", "--port", String.valueOf(taken.getLocalPort()));
            assertOneLineError(r, 10, "in use");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "-1", "abc"})
    void badPortsAreUsageErrors(String port) {
        Result r = run("greet", "--port", port);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("inet: ").doesNotContain("\tat ");
    }

    @Test
    void missingValuesAndBadMessagesAreUsageErrors() {
        assertThat(run("greet", "--port").code()).isEqualTo(2);
        assertThat(run("greet", "exit").err()).contains("ends the conversation");
        assertThat(run("greet", "--timeout", "0").code()).isEqualTo(2);
        assertThat(run("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelpAndTheToolHasAVersion() {
        // picocli formats descriptions with String.format and only warns on System.err when one is invalid
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String[] args : new String[][] {{"--help"}, {"greet", "--help"}, {"greet", "serve", "--help"},
                    {"demo", "--help"}, {"get", "--help"}, {"xmlrpc", "--help"}, {"serve", "http", "--help"},
                    {"serve", "xmlrpc", "--help"}}) {
                Result r = run(args);
                assertThat(r.code()).as(String.join(" ", args)).isZero();
                assertThat(r.out()).contains("Usage: inet");
            }
        } finally {
            System.setErr(realErr);
        }
        assertThat(picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("get", "--help").out()).contains("space as %20", "%{http_code}");
        assertThat(run("--version").out()).startsWith("inet ");
    }

    @Test
    void debugShowsTheStackTrace() {
        Result r = run("--debug", "greet", "--host", "no-such-host.invalid");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void demoLeavesNoServerBehind() {
        assertThat(run("demo").code()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("greet-accept"));
    }
}
