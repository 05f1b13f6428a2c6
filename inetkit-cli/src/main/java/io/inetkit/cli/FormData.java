package io.inetkit.cli;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for --data-urlencode and the query that -G builds from the data. */
final class FormData {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** RFC 3986 query characters (pchar, / and ?) besides the unreserved ones, and % (data may be encoded already). */
    private static final String QUERY_EXTRA = "!$&'()*+,;=:@/?%";

    private FormData() {}

    /**
     * Encodes as curl's --data-urlencode does (curl_easy_escape): every byte but A-Z a-z 0-9 - . _ ~
     * becomes %XX. WHY %20 and not +: that is what curl sends; servers decode both.
     */
    static byte[] percentEncode(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 3);
        for (byte b : content) {
            if (isUnreserved(b)) {
                out.write(b);
            } else {
                escape(out, b);
            }
        }
        return out.toByteArray();
    }

    /**
     * Appends data to the URI's query as -G does: after {@code ?}, or after {@code &} when there is
     * a query already. Bytes that cannot stand in a query (space, non-ASCII, controls, {@code #} ...)
     * are percent-encoded so the URI stays valid; everything else is kept as the user wrote it.
     */
    static URI withQuery(URI uri, byte[] data) {
        ByteArrayOutputStream q = new ByteArrayOutputStream(data.length);
        for (byte b : data) {
            if (isUnreserved(b) || QUERY_EXTRA.indexOf(b) >= 0) {
                q.write(b);
            } else {
                escape(q, b);
            }
        }
        String s = uri.toString();
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        String base = s.substring(0, s.length() - fragment.length());
        String query = uri.getRawQuery();
        String separator = query == null ? "?" : query.isEmpty() ? "" : "&";
        return URI.create(base + separator + q.toString(StandardCharsets.US_ASCII) + fragment);
    }

    private static boolean isUnreserved(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static void escape(ByteArrayOutputStream out, byte b) {
        out.write('%');
        out.write(HEX[(b >> 4) & 0xF]);
        out.write(HEX[b & 0xF]);
    }
}
