package io.inetkit.cli;

/**
 * The documented exit codes of {@code inet}. Where curl has a code with the same
 * meaning, we use curl's number so scripts can treat both tools alike.
 */
enum ExitCode {
    OK(0),
    FAILURE(1),
    USAGE(2),
    UNKNOWN_HOST(6),
    CONNECT_FAILED(7),
    LISTEN_FAILED(10),
    PARTIAL_FILE(18),
    HTTP_ERROR(22),
    WRITE_ERROR(23),
    READ_ERROR(26),
    TIMEOUT(28),
    RANGE_ERROR(33),
    TLS_HANDSHAKE(35),
    READ_FILE(37),
    TOO_MANY_REDIRECTS(47),
    EMPTY_REPLY(52),
    RECEIVE_FAILED(56),
    LOCAL_CERT(58),
    CERTIFICATE(60),
    FILESIZE_EXCEEDED(63),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    int code() {
        return code;
    }
}
