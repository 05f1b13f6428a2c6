package io.inetkit.xmlrpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A python3 program started by a test: its output lines are read on a virtual thread and
 * every wait is bounded. Closing destroys the process this test started, by its handle.
 */
final class PythonProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private PythonProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import xmlrpc.server")
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static PythonProcess start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();   // no input: the program must not wait for any
        return new PythonProcess(p);
    }

    /** Reads one output line, failing after the timeout or at end of output. */
    String readLine(long seconds) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                line.complete(out.readLine());
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        });
        try {
            String s = line.get(seconds, TimeUnit.SECONDS);
            if (s == null) {
                throw new IOException("python3 ended without output (exit "
                        + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "?") + ")");
            }
            return s;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Reads all remaining output and waits for the exit code. */
    Result finish(long seconds) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<List<String>> lines = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                lines.complete(out.lines().toList());
            } catch (RuntimeException e) {
                lines.completeExceptionally(e);
            }
        });
        try {
            List<String> all = lines.get(seconds, TimeUnit.SECONDS);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new TimeoutException("python3 did not exit");
            }
            return new Result(process.exitValue(), all);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    record Result(int exitCode, List<String> lines) {
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
