package io.inetkit.cli;

import java.util.Locale;
import java.util.function.Consumer;

/** Expands curl's {@code -w} format: {@code %{variable}}, {@code %%} and the escapes \n \r \t \\. */
final class WriteOut {
    private WriteOut() {
    }

    /**
     * Expands the format.
     *
     * @param format the -w argument
     * @param s the transfer's numbers
     * @param warn receives a message per unknown variable
     * @return the text to write
     */
    static String expand(String format, TransferStats s, Consumer<String> warn) {
        StringBuilder out = new StringBuilder();
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
                String value = variable(name, s);
                if (value == null) {
                    warn.accept("unknown --write-out variable: '" + name + "'");
                } else {
                    out.append(value);
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
        return out.toString();
    }

    private static String variable(String name, TransferStats s) {
        return switch (name) {
            case "http_code", "response_code" -> String.format(Locale.ROOT, "%03d", s.httpCode);
            case "size_download" -> Long.toString(s.sizeDownload);
            case "size_upload" -> Long.toString(s.sizeUpload);
            case "time_total" -> String.format(Locale.ROOT, "%.6f", s.timeTotal());
            case "url_effective" -> s.urlEffective;
            case "content_type" -> s.contentType;
            case "num_redirects" -> Integer.toString(s.numRedirects);
            case "exitcode" -> Integer.toString(s.exitCode);
            case "errormsg" -> s.errorMessage;
            default -> null;
        };
    }
}
