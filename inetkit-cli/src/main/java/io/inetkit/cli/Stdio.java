package io.inetkit.cli;

import java.io.OutputStream;
import java.util.Objects;

/**
 * The process's standard streams as commands that move bytes need them: stdout as bytes
 * (binary-safe, unlike picocli's PrintWriter) and whether stdout and stderr are terminals.
 *
 * @param stdout standard output as a byte stream
 * @param stdoutIsTerminal true if stdout is a terminal
 * @param stderrIsTerminal true if stderr is a terminal (progress bars go there)
 */
record Stdio(OutputStream stdout, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
    Stdio {
        Objects.requireNonNull(stdout, "stdout");
    }

    /** @return stdout for in-process runs: never a terminal, so no progress bars */
    static Stdio captured(OutputStream stdout) {
        return new Stdio(stdout, false, false);
    }
}
