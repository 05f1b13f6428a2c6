package io.inetkit.cli;

import java.io.IOException;

/**
 * A transfer failure the CLI names itself because the meaning depends on when it happened
 * (a closed connection before the reply is an empty reply, during the body a partial file),
 * with the curl-compatible exit code it maps to.
 */
final class TransferFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /** The exit code; enums are serializable. */
    private final ExitCode exitCode;

    TransferFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the exit code this failure maps to */
    ExitCode exitCode() {
        return exitCode;
    }
}
