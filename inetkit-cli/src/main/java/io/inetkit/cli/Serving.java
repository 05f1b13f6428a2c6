package io.inetkit.cli;

import io.inetkit.http.HttpServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a started HTTP server until Ctrl-C (SIGINT) or SIGTERM, then stops it gracefully. */
final class Serving {
    private Serving() {
    }

    static int untilInterrupted(CommandSpec spec, HttpServer server, String what) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before the message below, so that a Ctrl-C right after it finds the hook.
        boolean hooked = Shutdown.addHook(new Thread(() -> {
            server.shutdown(Duration.ofSeconds(5));
            err.println("inet: stopped");
            err.flush();
            stopped.countDown();
        }, "inet-serve-shutdown"));
        if (!hooked) {
            return ExitCode.INTERRUPTED.code();
        }
        err.println("inet: " + what + " on " + server.uri() + " (Ctrl-C stops)");
        err.flush();
        stopped.await();
        return ExitCode.OK.code();
    }
}
