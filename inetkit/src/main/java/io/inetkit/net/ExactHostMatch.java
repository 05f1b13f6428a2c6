package io.inetkit.net;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The common case of server identity checking (RFC 6125), decided without the JDK: the host is
 * a plain ASCII DNS name, equal, ignoring case, to one of the certificate's DNS subject
 * alternative names. Only a match is final. Anything else goes to the JDK's full check:
 * wildcards, IDNs, IP addresses, certificates that only have a subject CN.
 *
 * <p>WHY: before it matches a name, the JDK's check loads and parses its whole CA store
 * ({@code AnchorCertificates}), to apply its public-CA wildcard rule. That takes about 50 ms of
 * a cold HTTPS command on one core, and an exact name needs no wildcard rule. The JDK accepts
 * every name this accepts: its check compares such names the same way.
 */
final class ExactHostMatch {
    /** GeneralName tag of a dNSName (RFC 5280 §4.2.1.6), as {@link X509Certificate#getSubjectAlternativeNames()} gives it. */
    private static final int DNS_NAME = 2;
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private ExactHostMatch() {}

    /**
     * @param host the host name the client asked for (a trailing dot is ignored, as the JDK does)
     * @param cert the server's certificate
     * @return true if a DNS subject alternative name is exactly {@code host}; false means
     *         "not decided here", not "mismatch"
     */
    static boolean matches(String host, X509Certificate cert) {
        if (host == null) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!isPlainDnsName(name)) {
            return false;
        }
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false; // the JDK's check reports it
        }
        if (names == null) {
            return false;
        }
        for (List<?> san : names) {
            if (san.size() >= 2 && san.get(0) instanceof Integer type && type == DNS_NAME
                    && san.get(1) instanceof String dns && dns.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Letters, digits and hyphens in labels of 1 to 63 characters that neither start nor end
     * with a hyphen (the JDK's SNI host-name rule), no IDN label ({@code xn--}), and at least one
     * character that is not a digit: an all-digit name is an IP literal to the JDK, checked
     * against IP addresses instead.
     */
    static boolean isPlainDnsName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        boolean notAllDigits = false;
        int start = 0;
        while (start <= name.length()) {
            int end = name.indexOf('.', start);
            if (end < 0) {
                end = name.length();
            }
            int len = end - start;
            if (len == 0 || len > MAX_LABEL || name.charAt(start) == '-' || name.charAt(end - 1) == '-'
                    || name.regionMatches(true, start, "xn--", 0, 4)) {
                return false;
            }
            for (int i = start; i < end; i++) {
                char c = name.charAt(i);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!letter && (c < '0' || c > '9')) {
                    return false;
                }
                notAllDigits |= letter;
            }
            start = end + 1;
        }
        return notAllDigits;
    }
}
