package io.inetkit.http;

import java.io.IOException;

/** A request the server answers with an error status and then closes the connection (400, 413, 414, 431, 505...). */
final class RequestRejectedException extends IOException {
    private final int status;

    RequestRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
