package io.inetkit.cli;

import io.inetkit.http.CallTimeoutException;
import io.inetkit.http.TooManyRedirectsException;
import io.inetkit.net.TlsException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and a documented exit code. A stack
 * trace is printed only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (debug) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println("inet: " + describe(ex));
        return classify(ex).code();
    }

    /** Maps a failure to its exit code by its type, looking through causes. */
    static ExitCode classify(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TransferFailure failure) {
                return failure.exitCode();
            }
            if (t instanceof TlsException tls) {
                return switch (tls.reason()) {
                    case UNTRUSTED, HOST_MISMATCH -> ExitCode.CERTIFICATE;
                    case PROTOCOL_VERSION, HANDSHAKE -> ExitCode.TLS_HANDSHAKE;
                };
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return ExitCode.TLS_HANDSHAKE;
            }
            if (t instanceof TooManyRedirectsException) {
                return ExitCode.TOO_MANY_REDIRECTS;
            }
            if (t instanceof CallTimeoutException) {
                return ExitCode.TIMEOUT;
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return ExitCode.UNKNOWN_HOST;
            }
            if (t instanceof BindException) {
                return ExitCode.LISTEN_FAILED;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return ExitCode.CONNECT_FAILED;
            }
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return ExitCode.TIMEOUT;
            }
            if (t instanceof SocketException || t instanceof java.io.EOFException) {
                return ExitCode.RECEIVE_FAILED;
            }
            if (t instanceof InterruptedException) {
                return ExitCode.INTERRUPTED;
            }
        }
        return ExitCode.FAILURE;
    }

    /** One line a user can act on: the library's messages already say what happened. */
    static String describe(Throwable ex) {
        if (ex instanceof NullPointerException || ex instanceof ClassCastException
                || ex instanceof IndexOutOfBoundsException) {
            return "internal error (" + ex + "); please report it, --debug shows where";
        }
        if (ex instanceof UnresolvedAddressException) {
            return "could not resolve host";
        }
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
