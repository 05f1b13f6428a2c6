package io.inetkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw-socket helpers for server tests: send exact bytes, read what comes back. */
final class ServerRaw {
    private ServerRaw() {}

    static Socket connect(InetSocketAddress a) throws IOException {
        Socket s = new Socket(a.getAddress(), a.getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends the request and reads until the server closes; fails if it does not close within 10 s. */
    static String sendAndReadToClose(InetSocketAddress a, String request) throws IOException {
        try (Socket s = connect(a)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads one response with a Content-Length body (or none) from a kept-alive connection. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        if (h.startsWith("HTTP/1.1 304") || h.startsWith("HTTP/1.1 100")) {
            length = 0;
        }
        return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
