package io.inetkit.cli;

import io.inetkit.http.HttpResponse;

/** A response's status line and headers as curl's {@code -i} shows them (CRLF, blank line). */
final class ResponseHead {
    private ResponseHead() {
    }

    static String format(HttpResponse response) {
        StringBuilder head = new StringBuilder();
        head.append(response.version().text()).append(' ').append(response.status());
        if (!response.reason().isEmpty()) {
            head.append(' ').append(response.reason());
        }
        head.append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }
}
