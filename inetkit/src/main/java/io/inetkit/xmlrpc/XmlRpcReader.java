package io.inetkit.xmlrpc;

import io.inetkit.xmlrpc.XmlRpcProtocolException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLReporter;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one XML-RPC document with the JDK's StAX parser, hardened: a DOCTYPE is refused (so
 * no entity of any kind can be declared, which rules out XXE and "billion laughs"), external
 * entities and external DTD access are off, StAX has no XInclude, and depth, value count,
 * string and base64 sizes and the document size are bounded. One instance reads one document.
 */
final class XmlRpcReader {

    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,20}");
    private static final Pattern DOUBLE =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final int MAX_NUMBER_TEXT = 400;

    private final XmlRpcConfig config;
    private final XMLInputFactory factory;
    private XMLStreamReader xml;
    private int values;

    /**
     * @param config the limits
     * @param factory a factory made by {@link #factory(XmlRpcConfig)} for the same config
     */
    XmlRpcReader(XmlRpcConfig config, XMLInputFactory factory) {
        this.config = config;
        this.factory = factory;
    }

    XmlRpcRequest readRequest(InputStream in) throws IOException {
        return parse(in, "methodCall", this::request);
    }

    XmlRpcResponse readResponse(InputStream in) throws IOException {
        return parse(in, "methodResponse", this::response);
    }

    private interface Body<T> {
        T read() throws IOException, XMLStreamException;
    }

    private <T> T parse(InputStream in, String root, Body<T> body) throws IOException {
        try {
            xml = factory.createXMLStreamReader(XmlEncoding.reader(
                    new BoundedInputStream(in, config.maxDocumentBytes())));
            try {
                // XML 1.1 admits control characters (&#x1;) that an XML 1.0 writer, ours
                // included, cannot send back; XML-RPC is XML 1.0.
                String version = xml.getVersion();
                if (version != null && !version.equals("1.0")) {
                    throw new XmlRpcProtocolException(Kind.NOT_WELL_FORMED,
                            "XML-RPC documents must be XML 1.0, not " + abbreviate(version));
                }
                if (nextTag() != XMLStreamConstants.START_ELEMENT
                        || !xml.getLocalName().equals(root)) {
                    throw invalid("expected <" + root + ">, found <" + xml.getLocalName() + ">");
                }
                T result = body.read();
                while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
                    checkMisc();
                }
                return result;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // The parser reports some malformed input unchecked; never let it escape as a bug.
            throw translate(e);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /**
     * Makes the hardened factory for a configuration. Made once per codec and shared: building
     * one costs more than parsing a small document (~12% of an XML-RPC server's CPU). Sharing
     * is safe once configured: the JDK's factory copies its properties into each new reader and
     * keeps no per-document state (it reuses readers only when asked to, which we never do).
     */
    static XMLInputFactory factory(XmlRpcConfig config) {
        // The JDK's own implementation, so these properties mean what we expect.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        // Each level of arrays or structs is three elements (value, array|struct,
        // data|member); newer JDKs stop at 100 by default, which would cut our own limit.
        f.setProperty("jdk.xml.maxElementDepth", String.valueOf(config.maxDepth() * 3L + 8));
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Recoverable problems are not printed anywhere; fatal ones are thrown and reported.
        f.setProperty(XMLInputFactory.REPORTER, (XMLReporter) (message, type, info, where) -> { });
        return f;
    }

    /**
     * Returns the failure to report: the underlying stream's own IOException as it is, our
     * limit errors as they are, and anything else (including the parser's IOExceptions for
     * undecodable bytes) as a malformed document.
     */
    private static IOException translate(Exception e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            if (t instanceof BoundedInputStream.SourceFailure s) {
                return (IOException) s.getCause();
            }
            if (t instanceof XmlRpcProtocolException p) {
                return p;
            }
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return new XmlRpcProtocolException(Kind.NOT_WELL_FORMED, "malformed XML-RPC"
                        + " document: bytes that are invalid in its character encoding", e);
            }
        }
        String msg = String.valueOf(e.getMessage()).replace('\n', ' ');
        return new XmlRpcProtocolException(Kind.NOT_WELL_FORMED,
                "malformed XML-RPC document: " + msg, e);
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() == null && t instanceof XMLStreamException x) {
            return x.getNestedException();
        }
        return t.getCause();
    }

    private XmlRpcRequest request() throws IOException, XMLStreamException {
        String name = null;
        List<XmlRpcValue> params = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String tag = xml.getLocalName();
            if (tag.equals("methodName") && name == null) {
                name = text(config.maxStringChars(), "methodName").strip();
                if (name.isEmpty()) {
                    throw invalid("empty <methodName>");
                }
            } else if (tag.equals("params") && params == null) {
                params = params();
            } else {
                throw invalid("unexpected <" + tag + "> in <methodCall>");
            }
        }
        if (name == null) {
            throw invalid("<methodCall> without <methodName>");
        }
        return new XmlRpcRequest(name, params == null ? List.of() : params);
    }

    private XmlRpcResponse response() throws IOException, XMLStreamException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw invalid("empty <methodResponse>");
        }
        XmlRpcResponse result;
        switch (xml.getLocalName()) {
            case "params" -> {
                List<XmlRpcValue> params = params();
                if (params.size() != 1) {
                    throw invalid("<methodResponse> must hold exactly one value, found "
                            + params.size());
                }
                result = new XmlRpcResponse.Success(params.get(0));
            }
            case "fault" -> result = fault();
            default -> throw invalid("unexpected <" + xml.getLocalName() + "> in <methodResponse>");
        }
        if (nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw invalid("unexpected <" + xml.getLocalName() + "> in <methodResponse>");
        }
        return result;
    }

    private XmlRpcResponse.Failure fault() throws IOException, XMLStreamException {
        expectStart("value", "fault");
        if (!(value(0) instanceof XmlRpcValue.StructValue s)) {
            throw invalid("<fault> value is not a struct");
        }
        expectEnd("fault");
        int code = switch (s.get("faultCode")) {
            case XmlRpcValue.IntValue i -> i.value();
            case XmlRpcValue.LongValue l when l.value() == (int) l.value() -> (int) l.value();
            case null, default -> throw invalid("<fault> without an int faultCode");
        };
        String text = switch (s.get("faultString")) {
            case XmlRpcValue.StringValue str -> str.value();
            case null -> "";
            default -> throw invalid("<fault> faultString is not a string");
        };
        return new XmlRpcResponse.Failure(code, text);
    }

    private List<XmlRpcValue> params() throws IOException, XMLStreamException {
        List<XmlRpcValue> params = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("param")) {
                throw invalid("unexpected <" + xml.getLocalName() + "> in <params>");
            }
            expectStart("value", "param");
            params.add(value(0));
            expectEnd("param");
        }
        return params;
    }

    /** Reads a value; the reader is on its {@code <value>} start tag. */
    private XmlRpcValue value(int depth) throws IOException, XMLStreamException {
        if (++values > config.maxValues()) {
            throw limit("more than " + config.maxValues() + " values in one document");
        }
        StringBuilder text = new StringBuilder();
        XmlRpcValue typed = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE -> {
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (text.length() > config.maxStringChars()) {
                        throw limit("string longer than " + config.maxStringChars() + " chars");
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (typed != null || !text.isEmpty() && !text.toString().isBlank()) {
                        throw invalid("<value> holds more than one value");
                    }
                    typed = typed(xml.getLocalName(), depth);
                    text.setLength(0);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (typed == null) {
                        return new XmlRpcValue.StringValue(text.toString());
                    }
                    if (!text.toString().isBlank()) {
                        throw invalid("<value> holds more than one value");
                    }
                    return typed;
                }
                default -> checkMisc();
            }
        }
    }

    private XmlRpcValue typed(String tag, int depth) throws IOException, XMLStreamException {
        String type = tag;
        int colon = tag.lastIndexOf(':');
        if (colon >= 0 && (tag.endsWith(":nil") || tag.endsWith(":i8"))) {
            type = tag.substring(colon + 1);   // Apache XML-RPC's ex:nil and ex:i8
        }
        return switch (type) {
            case "int", "i4" -> new XmlRpcValue.IntValue((int) integer(tag, Integer.MIN_VALUE,
                    Integer.MAX_VALUE));
            case "i8" -> {
                requireExtensions(tag);
                yield new XmlRpcValue.LongValue(integer(tag, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            case "boolean" -> switch (text(MAX_NUMBER_TEXT, tag).strip()) {
                case "1" -> XmlRpcValue.BooleanValue.TRUE;
                case "0" -> XmlRpcValue.BooleanValue.FALSE;
                default -> throw invalid("<boolean> must be 0 or 1");
            };
            case "string" -> new XmlRpcValue.StringValue(text(config.maxStringChars(), tag));
            case "double" -> doubleValue();
            case "dateTime.iso8601" -> XmlRpcDates.parse(text(MAX_NUMBER_TEXT, tag));
            case "base64" -> base64();
            case "struct" -> struct(depth + 1);
            case "array" -> array(depth + 1);
            case "nil" -> {
                requireExtensions(tag);
                if (!text(MAX_NUMBER_TEXT, tag).isBlank()) {
                    throw invalid("<" + tag + "> must be empty");
                }
                yield XmlRpcValue.NilValue.INSTANCE;
            }
            default -> throw invalid("unknown value type <" + tag + ">");
        };
    }

    private void requireExtensions(String tag) throws XmlRpcProtocolException {
        if (!config.extensions()) {
            throw invalid("<" + tag + "> is an extension that is not enabled"
                    + " (XmlRpcConfig.extensions)");
        }
    }

    private long integer(String tag, long min, long max) throws IOException, XMLStreamException {
        String s = text(MAX_NUMBER_TEXT, tag).strip();
        if (INT.matcher(s).matches()) {
            try {
                long v = Long.parseLong(s);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // out of range: reported below
            }
        }
        throw invalid("<" + tag + "> value '" + s + "' is not an integer in range");
    }

    private XmlRpcValue doubleValue() throws IOException, XMLStreamException {
        String s = text(MAX_NUMBER_TEXT, "double").strip();
        if (!DOUBLE.matcher(s).matches()) {
            throw invalid("<double> value '" + s + "' is not a number");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw invalid("<double> value '" + s + "' is out of range");
        }
        return new XmlRpcValue.DoubleValue(d);
    }

    private XmlRpcValue base64() throws IOException, XMLStreamException {
        long maxText = Math.min(Integer.MAX_VALUE - 16, config.maxBase64Bytes() * 2L + 64);
        String s = text((int) maxText, "base64");
        StringBuilder compact = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        if (compact.length() / 4L * 3 > config.maxBase64Bytes() + 3L) {
            throw limit("base64 value larger than " + config.maxBase64Bytes() + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw invalid("<base64> value is not valid base64");
        }
        if (bytes.length > config.maxBase64Bytes()) {
            throw limit("base64 value larger than " + config.maxBase64Bytes() + " bytes");
        }
        return new XmlRpcValue.Base64Value(bytes);
    }

    private XmlRpcValue struct(int depth) throws IOException, XMLStreamException {
        checkDepth(depth);
        Map<String, XmlRpcValue> members = new LinkedHashMap<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("member")) {
                throw invalid("unexpected <" + xml.getLocalName() + "> in <struct>");
            }
            String name = null;
            XmlRpcValue value = null;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String tag = xml.getLocalName();
                if (tag.equals("name") && name == null) {
                    name = text(config.maxStringChars(), "name");
                } else if (tag.equals("value") && value == null) {
                    value = value(depth);
                } else {
                    throw invalid("unexpected <" + tag + "> in <member>");
                }
            }
            if (name == null || value == null) {
                throw invalid("<member> needs a <name> and a <value>");
            }
            members.put(name, value);   // a repeated name: the last one wins, as in Python
        }
        return new XmlRpcValue.StructValue(members);
    }

    private XmlRpcValue array(int depth) throws IOException, XMLStreamException {
        checkDepth(depth);
        expectStart("data", "array");
        List<XmlRpcValue> elements = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("value")) {
                throw invalid("unexpected <" + xml.getLocalName() + "> in <data>");
            }
            elements.add(value(depth));
        }
        expectEnd("array");
        return new XmlRpcValue.ArrayValue(elements);
    }

    private void checkDepth(int depth) throws XmlRpcProtocolException {
        if (depth > config.maxDepth()) {
            throw limit("arrays and structs nested deeper than " + config.maxDepth());
        }
    }

    /** Reads text up to the end tag of the current element; a child element is an error. */
    private String text(int max, String tag) throws IOException, XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE -> {
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (sb.length() > max) {
                        throw limit("<" + tag + "> longer than " + max + " chars");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw invalid("unexpected <" + xml.getLocalName() + "> in <" + tag + ">");
                default -> checkMisc();
            }
        }
    }

    /** Moves to the next start or end tag, allowing only whitespace, comments and PIs. */
    private int nextTag() throws XMLStreamException, XmlRpcProtocolException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE -> {
                    if (!xml.isWhiteSpace() && !xml.getText().isBlank()) {
                        throw invalid("unexpected text '" + abbreviate(xml.getText()) + "'");
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw invalid("document ends too early");
                default -> checkMisc();
            }
        }
    }

    /** Allows comments, processing instructions and whitespace; refuses DTDs and entities. */
    private void checkMisc() throws XmlRpcProtocolException {
        switch (xml.getEventType()) {
            case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION,
                    XMLStreamConstants.SPACE, XMLStreamConstants.START_DOCUMENT -> { }
            case XMLStreamConstants.CHARACTERS -> {
                if (!xml.isWhiteSpace()) {
                    throw invalid("unexpected text '" + abbreviate(xml.getText()) + "'");
                }
            }
            case XMLStreamConstants.DTD -> throw new XmlRpcProtocolException(
                    Kind.NOT_WELL_FORMED, "XML-RPC documents must not contain a DOCTYPE");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmlRpcProtocolException(
                    Kind.NOT_WELL_FORMED, "undeclared entity &" + xml.getLocalName() + ";");
            default -> throw invalid("unexpected XML event " + xml.getEventType());
        }
    }

    private void expectStart(String tag, String parent)
            throws XMLStreamException, XmlRpcProtocolException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(tag)) {
            throw invalid("expected <" + tag + "> in <" + parent + ">");
        }
    }

    private void expectEnd(String tag) throws XMLStreamException, XmlRpcProtocolException {
        if (nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw invalid("unexpected <" + xml.getLocalName() + "> in <" + tag + ">");
        }
    }

    private static String abbreviate(String s) {
        return shorten(s.strip(), 40);
    }

    /**
     * Cuts text for a message at a code point boundary: half a surrogate pair cannot be
     * written as XML, so a fault quoting the input would itself become unsendable.
     */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "...";
    }

    private static XmlRpcProtocolException invalid(String message) {
        return new XmlRpcProtocolException(Kind.INVALID, "invalid XML-RPC document: " + message);
    }

    private static XmlRpcProtocolException limit(String message) {
        return new XmlRpcProtocolException(Kind.LIMIT_EXCEEDED, "XML-RPC document too large: "
                + message);
    }
}
