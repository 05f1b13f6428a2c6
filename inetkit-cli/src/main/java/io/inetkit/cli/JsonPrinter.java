package io.inetkit.cli;

import io.inetkit.xmlrpc.XmlRpcValue;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints XML-RPC values as JSON. Types JSON lacks become strings: dateTime as ISO 8601,
 * base64 as its base64 text; a double that is not finite as its name.
 */
final class JsonPrinter {
    private JsonPrinter() {
    }

    /** @return the value as indented JSON (two spaces) */
    static String print(XmlRpcValue value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, XmlRpcValue value, int indent) {
        switch (value) {
            case XmlRpcValue.IntValue v -> sb.append(v.value());
            case XmlRpcValue.LongValue v -> sb.append(v.value());
            case XmlRpcValue.BooleanValue v -> sb.append(v.value());
            case XmlRpcValue.DoubleValue v -> {
                if (Double.isFinite(v.value())) {
                    sb.append(v.value());
                } else {
                    quote(sb, Double.toString(v.value()));
                }
            }
            case XmlRpcValue.StringValue v -> quote(sb, v.value());
            case XmlRpcValue.DateTimeValue v ->
                    quote(sb, v.dateTime() + (v.offset() == null ? "" : v.offset().toString()));
            case XmlRpcValue.Base64Value v -> quote(sb, Base64.getEncoder().encodeToString(v.bytes()));
            case XmlRpcValue.NilValue v -> sb.append("null");
            case XmlRpcValue.ArrayValue v -> array(sb, v.elements(), indent);
            case XmlRpcValue.StructValue v -> object(sb, v.members(), indent);
        }
    }

    private static void array(StringBuilder sb, List<XmlRpcValue> elements, int indent) {
        if (elements.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < elements.size(); i++) {
            sb.append("  ".repeat(indent + 1));
            write(sb, elements.get(i), indent + 1);
            sb.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        sb.append("  ".repeat(indent)).append(']');
    }

    private static void object(StringBuilder sb, Map<String, XmlRpcValue> members, int indent) {
        if (members.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, XmlRpcValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, XmlRpcValue> e = it.next();
            sb.append("  ".repeat(indent + 1));
            quote(sb, e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), indent + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append("  ".repeat(indent)).append('}');
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
