package io.inetkit.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header line, formatted once per second and shared by all connections. */
final class DateCache {
    /** IMF-fixdate; RFC_1123_DATE_TIME would not pad the day to two digits. */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private record Entry(long second, String line) {}

    private volatile Entry current = new Entry(-1, "");

    /** @return {@code Date: <IMF-fixdate>\r\n} for the current second */
    String line() {
        long second = System.currentTimeMillis() / 1000;
        Entry e = current;
        if (e.second != second) {
            e = new Entry(second, "Date: " + httpDate(second * 1000) + "\r\n");
            current = e;
        }
        return e.line;
    }

    /** @return an IMF-fixdate (RFC 9110 §5.6.7) */
    static String httpDate(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
    }
}
