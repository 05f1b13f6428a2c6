package io.inetkit.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as curl's {@code -z} reads them (curl_getdate): the three HTTP forms (RFC 1123, RFC 850,
 * asctime) and free forms built from the same words, such as {@code "Wed 01 Sep 2021 12:18:00"},
 * {@code "1 Sep 2021 12:18"}, {@code "Sep 1 2021"} or {@code 20210901}; a date without a zone is
 * GMT. Also ISO 8601 ({@code 2021-09-01}, {@code 2021-09-01T12:18:00Z}), which curl does not read.
 */
final class CurlDate {
    private static final int MAX_LENGTH = 200;
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** The zone names curl knows best; the rest are written as +HHMM. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("gmt", 0), Map.entry("ut", 0),
            Map.entry("utc", 0), Map.entry("z", 0), Map.entry("wet", 0), Map.entry("bst", 60), Map.entry("cet", 60),
            Map.entry("met", 60), Map.entry("cest", 120), Map.entry("eet", 120), Map.entry("est", -300),
            Map.entry("edt", -240), Map.entry("cst", -360), Map.entry("cdt", -300), Map.entry("mst", -420),
            Map.entry("mdt", -360), Map.entry("pst", -480), Map.entry("pdt", -420), Map.entry("jst", 540));
    private static final Pattern TOKEN = Pattern.compile(
            "(?<word>[A-Za-z]+)|(?<zone>[+-]\\d{4})|(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?)|(?<number>\\d+)|(?<sep>[\\s,./-]+)");
    /** IMF-fixdate, the form HTTP sends. */
    private static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private CurlDate() {
    }

    /** @return the date in HTTP's form (IMF-fixdate), whole seconds */
    static String http(Instant time) {
        return HTTP.format(time);
    }

    /**
     * Reads a date.
     *
     * @param text the date
     * @return the instant, or empty if the text is no date curl (or ISO 8601) would read
     */
    static Optional<Instant> parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<Instant> iso = iso(t);
        return iso.isPresent() ? iso : words(t);
    }

    private static Optional<Instant> iso(String t) {
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset: try the forms without one
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // a date alone?
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** curl_getdate's way: each word, number and time fills the first part of the date it can be. */
    private static Optional<Instant> words(String t) {
        int day = -1;
        int month = -1;
        int year = -1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        boolean timeSeen = false;
        boolean weekdaySeen = false;
        Integer offsetMinutes = null;
        Matcher m = TOKEN.matcher(t);
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            at = m.end();
            if (m.group("word") != null) {
                String w = m.group("word").toLowerCase(Locale.ROOT);
                String three = w.length() >= 3 ? w.substring(0, 3) : w;
                if (month < 0 && MONTHS.contains(three) && MONTHS.stream().anyMatch(mo -> fullName(mo).startsWith(w))) {
                    month = MONTHS.indexOf(three) + 1;
                } else if (!weekdaySeen && WEEKDAYS.contains(three) && w.length() >= 3) {
                    weekdaySeen = true;
                } else if (offsetMinutes == null && ZONES.containsKey(w)) {
                    offsetMinutes = ZONES.get(w);
                } else {
                    return Optional.empty();
                }
            } else if (m.group("zone") != null && timeSeen && offsetMinutes == null) {
                String z = m.group("zone");
                int hhmm = Integer.parseInt(z.substring(1));
                offsetMinutes = (z.charAt(0) == '-' ? -1 : 1) * (hhmm / 100 * 60 + hhmm % 100);
            } else if (m.group("zone") != null) {
                // a dash before a number that is no zone: a separator, as in 06-Nov-1994
                at = m.start() + 1;
            } else if (m.group("time") != null && !timeSeen) {
                String[] parts = m.group("time").split(":");
                hour = Integer.parseInt(parts[0]);
                minute = Integer.parseInt(parts[1]);
                second = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
                timeSeen = true;
            } else if (m.group("number") != null) {
                String digits = m.group("number");
                if (digits.length() > 9) {
                    return Optional.empty();
                }
                int n = Integer.parseInt(digits);
                if (digits.length() == 8 && day < 0 && month < 0 && year < 0) {
                    year = n / 10000;
                    month = n / 100 % 100;
                    day = n % 100;
                } else if (day < 0 && digits.length() <= 2 && n >= 1 && n <= 31) {
                    day = n;
                } else if (year < 0 && (digits.length() == 4 || digits.length() == 2)) {
                    year = digits.length() == 4 ? n : n >= 70 ? 1900 + n : 2000 + n;
                } else {
                    return Optional.empty();
                }
            } else if (m.group("sep") == null) {
                return Optional.empty();
            }
        }
        if (day < 0 || month < 0 || year < 0) {
            return Optional.empty();
        }
        try {
            ZoneOffset zone = ZoneOffset.ofTotalSeconds((offsetMinutes == null ? 0 : offsetMinutes) * 60);
            return Optional.of(ZonedDateTime.of(year, month, day, hour, minute, second, 0, zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty(); // 31 Feb, 25:00 ...
        }
    }

    private static String fullName(String month) {
        return switch (month) {
            case "jan" -> "january";
            case "feb" -> "february";
            case "mar" -> "march";
            case "apr" -> "april";
            case "jun" -> "june";
            case "jul" -> "july";
            case "aug" -> "august";
            case "sep" -> "september";
            case "oct" -> "october";
            case "nov" -> "november";
            case "dec" -> "december";
            default -> month; // may
        };
    }
}
