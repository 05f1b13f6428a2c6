package io.inetkit.cli;

import io.inetkit.socket.IpText;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Expands curl's {@code -w} format: {@code %{variable}}, {@code %header{name}}, {@code %%} and
 * the escapes \n \r \t \\. {@code %{stderr}} and {@code %{stdout}} switch where the rest goes;
 * {@code %{onerror}} ends the output there unless the transfer failed; {@code %{json}} is every
 * variable as one JSON object.
 */
final class WriteOut {

    /** The variables, in the order {@code %{json}} lists them. */
    static final List<String> NAMES = List.of("content_type", "errormsg", "exitcode", "filename_effective", "http_code",
            "http_version", "local_ip", "local_port", "method", "num_connects", "num_redirects", "redirect_url",
            "remote_ip", "remote_port", "response_code", "scheme", "size_download", "size_upload", "speed_download",
            "speed_upload", "time_appconnect", "time_connect", "time_namelookup", "time_pretransfer", "time_redirect",
            "time_starttransfer", "time_total", "url", "url_effective");

    /**
     * A run of output text and where it goes.
     *
     * @param toStderr true for standard error, false for standard output
     * @param text the text
     */
    record Piece(boolean toStderr, String text) {
    }

    private WriteOut() {
    }

    /**
     * Expands the format.
     *
     * @param format the -w argument
     * @param s the transfer's numbers
     * @param warn receives a message per unknown variable
     * @return the text to write, in order, each piece with its stream
     */
    static List<Piece> expand(String format, TransferStats s, Consumer<String> warn) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean toStderr = false;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '%' && format.startsWith("%{", i)) {
                int end = format.indexOf('}', i);
                if (end < 0) {
                    out.append(format, i, format.length());
                    break;
                }
                String name = format.substring(i + 2, end);
                i = end + 1;
                if (name.equals("stderr") || name.equals("stdout")) {
                    flush(pieces, out, toStderr);
                    toStderr = name.equals("stderr");
                } else if (name.equals("onerror")) {
                    if (s.exitCode == 0) {
                        break;
                    }
                } else if (name.equals("json")) {
                    out.append(json(s));
                } else {
                    String value = variable(name, s);
                    if (value == null) {
                        warn.accept("unknown --write-out variable: '" + name + "'");
                    } else {
                        out.append(value);
                    }
                }
            } else if (c == '%' && format.startsWith("%header{", i)) {
                int end = format.indexOf('}', i);
                if (end < 0) {
                    out.append(format, i, format.length());
                    break;
                }
                String field = format.substring(i + 8, end);
                if (s.headers != null) {
                    out.append(String.join(", ", s.headers.all(field)));
                }
                i = end + 1;
            } else if (c == '%' && format.startsWith("%%", i)) {
                out.append('%');
                i += 2;
            } else if (c == '\\' && i + 1 < format.length()) {
                char n = format.charAt(i + 1);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append(c).append(n);
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        flush(pieces, out, toStderr);
        return pieces;
    }

    private static void flush(List<Piece> pieces, StringBuilder out, boolean toStderr) {
        if (!out.isEmpty()) {
            pieces.add(new Piece(toStderr, out.toString()));
            out.setLength(0);
        }
    }

    private static String variable(String name, TransferStats s) {
        TransferTimer t = s.timer;
        return switch (name) {
            case "http_code", "response_code" -> String.format(Locale.ROOT, "%03d", s.httpCode);
            case "http_version" -> s.httpVersion;
            case "method" -> s.method;
            case "scheme" -> s.scheme;
            case "url" -> s.url;
            case "url_effective" -> s.urlEffective;
            case "redirect_url" -> s.redirectUrl;
            case "filename_effective" -> s.filenameEffective;
            case "content_type" -> s.contentType;
            case "num_redirects" -> Integer.toString(s.numRedirects);
            case "num_connects" -> Integer.toString(t.connects());
            case "size_download" -> Long.toString(s.sizeDownload);
            case "size_upload" -> Long.toString(s.sizeUpload);
            case "speed_download" -> Long.toString(perSecond(s.sizeDownload, s.timeTotal()));
            case "speed_upload" -> Long.toString(perSecond(s.sizeUpload, s.timeTotal()));
            case "time_namelookup" -> seconds(t.namelookup());
            case "time_connect" -> seconds(t.connect());
            case "time_appconnect" -> seconds(t.appconnect());
            case "time_pretransfer" -> seconds(t.pretransfer());
            case "time_starttransfer" -> seconds(t.starttransfer());
            case "time_redirect" -> seconds(t.redirect());
            case "time_total" -> seconds(s.timeTotal());
            case "remote_ip" -> ip(t.remote());
            case "remote_port" -> Integer.toString(t.remotePort());
            case "local_ip" -> ip(t.local());
            case "local_port" -> port(t.local());
            case "exitcode" -> Integer.toString(s.exitCode);
            case "errormsg" -> s.errorMessage;
            default -> null;
        };
    }

    /** Every variable as one JSON object: numbers as numbers, the rest as strings. */
    static String json(TransferStats s) {
        StringBuilder sb = new StringBuilder("{");
        for (String name : NAMES) {
            String value = name.endsWith("_code") ? Integer.toString(s.httpCode) : variable(name, s);
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonPrinter.quote(sb, name);
            sb.append(':');
            boolean number = name.startsWith("time_") || name.startsWith("size_") || name.startsWith("speed_")
                    || name.startsWith("num_") || name.endsWith("_port") || name.endsWith("_code") || name.equals("exitcode");
            if (number) {
                sb.append(value);
            } else {
                JsonPrinter.quote(sb, value);
            }
        }
        return sb.append('}').toString();
    }

    private static long perSecond(long bytes, double seconds) {
        return seconds <= 0 ? 0 : (long) (bytes / seconds);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }

    /** An IP address; a Unix socket's path (curl too; empty for the client's unnamed end). */
    private static String ip(SocketAddress a) {
        if (a instanceof UnixDomainSocketAddress u) {
            return u.getPath().toString();
        }
        return a instanceof InetSocketAddress in && in.getAddress() != null ? IpText.of(in.getAddress()) : "";
    }

    private static String port(SocketAddress a) {
        return a instanceof InetSocketAddress in ? Integer.toString(in.getPort()) : "0";
    }
}
