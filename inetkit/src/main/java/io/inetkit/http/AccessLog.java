package io.inetkit.http;

import io.inetkit.socket.IpText;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Lines of the Common Log Format: {@code host - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 2326}. */
final class AccessLog {
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private AccessLog() {}

    static String line(SocketAddress peer, String requestLine, int status, long bytes) {
        String host = peer instanceof InetSocketAddress isa ? IpText.of(isa.getAddress()) : "-";
        return host + " - - [" + CLF.format(ZonedDateTime.now()) + "] \"" + escape(requestLine) + "\" " + status + " "
                + (bytes == 0 ? "-" : Long.toString(bytes));
    }

    /** The request line came from the peer: quotes, backslashes and controls are escaped so a line cannot be forged. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < ' ' || c >= 0x7f) {
                sb.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
