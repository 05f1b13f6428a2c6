package io.inetkit.xmlrpc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC documents as UTF-8 with a small escaping writer (no DOM). A value XML-RPC
 * cannot carry fails with IllegalArgumentException part way through, so {@link XmlRpcCodec}
 * encodes into memory first and never sends half a document.
 */
final class XmlRpcWriter {

    private final Writer out;
    private final boolean extensions;
    private final String prefix;
    private final String rootAttributes;

    XmlRpcWriter(OutputStream stream, XmlRpcConfig config) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.extensions = config.extensions();
        boolean apache = extensions
                && config.extensionNames() == XmlRpcConfig.ExtensionNames.APACHE;
        this.prefix = apache ? "ex:" : "";
        this.rootAttributes = apache
                ? " xmlns:ex=\"" + XmlRpcConfig.APACHE_EXTENSIONS_NAMESPACE + "\"" : "";
    }

    void writeRequest(XmlRpcRequest request) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall");
        out.write(rootAttributes);
        out.write("><methodName>");
        text(request.methodName());
        out.write("</methodName>\n<params>\n");
        for (XmlRpcValue p : request.params()) {
            out.write("<param>");
            value(p);
            out.write("</param>\n");
        }
        out.write("</params></methodCall>\n");
        out.flush();
    }

    void writeResponse(XmlRpcResponse response) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodResponse");
        out.write(rootAttributes);
        out.write(">");
        switch (response) {
            case XmlRpcResponse.Success s -> {
                out.write("<params>\n<param>");
                value(s.value());
                out.write("</param>\n</params>");
            }
            case XmlRpcResponse.Failure f -> {
                out.write("<fault>\n<value><struct>\n<member><name>faultCode</name><value><int>");
                out.write(Integer.toString(f.faultCode()));
                out.write("</int></value></member>\n<member><name>faultString</name>"
                        + "<value><string>");
                text(f.faultString());
                out.write("</string></value></member>\n</struct></value>\n</fault>");
            }
        }
        out.write("</methodResponse>\n");
        out.flush();
    }

    private void value(XmlRpcValue v) throws IOException {
        out.write("<value>");
        switch (v) {
            case XmlRpcValue.IntValue i -> simple("int", Integer.toString(i.value()));
            case XmlRpcValue.LongValue l -> writeLong(l.value());
            case XmlRpcValue.BooleanValue b -> simple("boolean", b.value() ? "1" : "0");
            case XmlRpcValue.StringValue s -> {
                out.write("<string>");
                text(s.value());
                out.write("</string>");
            }
            case XmlRpcValue.DoubleValue d -> simple("double", formatDouble(d.value()));
            case XmlRpcValue.DateTimeValue d -> simple("dateTime.iso8601", formatDate(d));
            case XmlRpcValue.Base64Value b ->
                    simple("base64", Base64.getEncoder().encodeToString(b.bytes()));
            case XmlRpcValue.StructValue s -> writeStruct(s.members());
            case XmlRpcValue.ArrayValue a -> writeArray(a.elements());
            case XmlRpcValue.NilValue n -> {
                if (!extensions) {
                    throw new IllegalArgumentException(
                            "nil (null) cannot be sent unless the nil extension is enabled");
                }
                out.write("<" + prefix + "nil/>");
            }
        }
        out.write("</value>");
    }

    private void writeLong(long v) throws IOException {
        if (extensions) {
            simple(prefix + "i8", Long.toString(v));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            simple("int", Long.toString(v));
        } else {
            throw new IllegalArgumentException(v + " does not fit in an XML-RPC int;"
                    + " enable the i8 extension to send 64-bit integers");
        }
    }

    private void writeStruct(Map<String, XmlRpcValue> members) throws IOException {
        out.write("<struct>\n");
        for (Map.Entry<String, XmlRpcValue> m : members.entrySet()) {
            out.write("<member><name>");
            text(m.getKey());
            out.write("</name>");
            value(m.getValue());
            out.write("</member>\n");
        }
        out.write("</struct>");
    }

    private void writeArray(List<XmlRpcValue> elements) throws IOException {
        out.write("<array><data>\n");
        for (XmlRpcValue e : elements) {
            value(e);
            out.write('\n');
        }
        out.write("</data></array>");
    }

    private void simple(String tag, String content) throws IOException {
        out.write('<');
        out.write(tag);
        out.write('>');
        out.write(content);
        out.write("</");
        out.write(tag);
        out.write('>');
    }

    /** Escapes markup; CR as a reference so XML line-end normalisation keeps it. */
    private void text(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.write(c);
                        out.write(s.charAt(++i));
                    } else if (isXmlChar(c)) {
                        out.write(c);
                    } else {
                        throw new IllegalArgumentException(String.format(
                                "text contains U+%04X, which XML 1.0 cannot carry;"
                                        + " send such data as base64", (int) c));
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }

    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("XML-RPC has no representation for " + d);
        }
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return "-0.0";   // BigDecimal has no negative zero; keep the sign as Python does
        }
        // The spec allows only decimal point notation, no exponent.
        String s = BigDecimal.valueOf(d).toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    static String formatDate(XmlRpcValue.DateTimeValue d) {
        LocalDateTime t = d.dateTime();
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("year " + t.getYear()
                    + " cannot be written as an XML-RPC dateTime");
        }
        String s = String.format("%04d%02d%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return d.offset() == null ? s : s + d.offset().getId();
    }
}
