package io.inetkit.cli;

import io.inetkit.xmlrpc.XmlRpcValue;
import java.util.regex.Pattern;

/**
 * Reads {@code inet xmlrpc} arguments as XML-RPC values: integers (int, or i8 beyond 32 bits),
 * decimals as double, {@code true}/{@code false}, JSON arrays and objects, anything else as a string.
 */
final class XmlRpcArgs {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+(\\.\\d*)?[eE][-+]?\\d+)");

    private XmlRpcArgs() {
    }

    /**
     * Converts one argument.
     *
     * @throws IllegalArgumentException if it looks like JSON but is not valid JSON
     */
    static XmlRpcValue parse(String arg) {
        if (arg.equals("true") || arg.equals("false")) {
            return arg.equals("true") ? XmlRpcValue.BooleanValue.TRUE : XmlRpcValue.BooleanValue.FALSE;
        }
        if (INTEGER.matcher(arg).matches()) {
            try {
                long l = Long.parseLong(arg);
                return l == (int) l ? new XmlRpcValue.IntValue((int) l) : new XmlRpcValue.LongValue(l);
            } catch (NumberFormatException e) {
                return new XmlRpcValue.StringValue(arg); // beyond 64 bits: keep the digits as text
            }
        }
        if (DECIMAL.matcher(arg).matches()) {
            return new XmlRpcValue.DoubleValue(Double.parseDouble(arg));
        }
        if (arg.startsWith("[") || arg.startsWith("{")) {
            return XmlRpcValue.of(JsonParser.parse(arg));
        }
        return new XmlRpcValue.StringValue(arg);
    }
}
