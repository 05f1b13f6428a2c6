package io.inetkit.xmlrpc;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of {@code dateTime.iso8601} text as real peers send it. */
final class XmlRpcDates {

    /**
     * {@code 19980717T14:08:55}, with or without dashes and colons, an optional fraction of a
     * second (dropped) and an optional {@code Z} or offset.
     */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})[Tt](\\d{2}):?(\\d{2}):?(\\d{2})(?:[.,]\\d{1,9})?"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

    private XmlRpcDates() {
    }

    static XmlRpcValue.DateTimeValue parse(String text) throws XmlRpcProtocolException {
        String s = text.strip();
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            throw invalid(s, null);
        }
        try {
            LocalDateTime t = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4),
                    num(m, 5), num(m, 6));
            String zone = m.group(7);
            ZoneOffset offset = zone == null ? null : ZoneOffset.of(zone.toUpperCase());
            return new XmlRpcValue.DateTimeValue(t, offset);
        } catch (DateTimeException e) {
            throw invalid(s, e);
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static XmlRpcProtocolException invalid(String s, Exception cause) {
        String shown = XmlRpcReader.shorten(s, 40);
        return new XmlRpcProtocolException(XmlRpcProtocolException.Kind.INVALID,
                "invalid dateTime.iso8601 value '" + shown + "'", cause);
    }
}
