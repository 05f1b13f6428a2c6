package io.inetkit.socket;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IP address as people, curl and nginx write it: IPv4 dotted, IPv6 in RFC 5952's short form
 * ({@code ::1}, not the JDK's {@code 0:0:0:0:0:0:0:1}), with its {@code %scope} if it has one.
 */
public final class IpText {
    private IpText() {
    }

    /**
     * Formats an address.
     *
     * @param address the address
     * @return its text, e.g. {@code 127.0.0.1}, {@code ::1} or {@code 2001:db8::2:1}
     */
    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        byte[] b = v6.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero groups becomes "::" (the first one on a tie)
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        String text = sb.toString();
        String full = v6.getHostAddress();
        int scope = full.indexOf('%');
        return scope < 0 ? text : text + full.substring(scope);
    }
}
