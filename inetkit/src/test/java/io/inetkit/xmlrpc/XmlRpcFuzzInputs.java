package io.inetkit.xmlrpc;

import io.inetkit.xmlrpc.XmlRpcValue.ArrayValue;
import io.inetkit.xmlrpc.XmlRpcValue.Base64Value;
import io.inetkit.xmlrpc.XmlRpcValue.BooleanValue;
import io.inetkit.xmlrpc.XmlRpcValue.DateTimeValue;
import io.inetkit.xmlrpc.XmlRpcValue.DoubleValue;
import io.inetkit.xmlrpc.XmlRpcValue.IntValue;
import io.inetkit.xmlrpc.XmlRpcValue.LongValue;
import io.inetkit.xmlrpc.XmlRpcValue.NilValue;
import io.inetkit.xmlrpc.XmlRpcValue.StringValue;
import io.inetkit.xmlrpc.XmlRpcValue.StructValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inputs for {@link XmlRpcFuzzTest}: a corpus of valid XML-RPC documents of every type, the
 * mutations applied to them, and random value trees for the round trip. All driven by the
 * caller's seeded {@link Random}.
 */
final class XmlRpcFuzzInputs {

    private XmlRpcFuzzInputs() {
    }

    // ---------------------------------------------------------------- corpus

    private static final String[] SCALARS = {
        "<int>42</int>", "<i4>-7</i4>", "<int>+2147483647</int>", "<i4>-2147483648</i4>",
        "<i8>9223372036854775807</i8>", "<ex:i8>-9223372036854775808</ex:i8>", "<ex:i8>5</ex:i8>",
        "<boolean>1</boolean>", "<boolean>0</boolean>", "<string>a &amp; b &lt; c</string>",
        "plain untyped text", "", "<string></string>", "<string>h\u00e9llo \uD83D\uDE00</string>",
        "<double>-0.25</double>", "<double>1.5e10</double>", "<double>2E-3</double>",
        "<double>.5</double>", "<double>-12.</double>", "<double>1.7976931348623157e308</double>",
        "<dateTime.iso8601>19980717T14:08:55</dateTime.iso8601>",
        "<dateTime.iso8601>1998-07-17T14:08:55Z</dateTime.iso8601>",
        "<dateTime.iso8601>2024-02-29T00:00:00.123+05:30</dateTime.iso8601>",
        "<dateTime.iso8601>20240229t000000-0800</dateTime.iso8601>",
        "<base64>eW91IGNhbid0IHJlYWQgdGhpcyE=</base64>",
        "<base64>\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g\nISIjJCUmJygpKissLS4v\n</base64>",
        "<base64></base64>", "<nil/>", "<ex:nil/>", "<nil></nil>",
    };

    private static String randomValue(Random rnd, int depth) {
        int k = depth <= 0 ? 0 : rnd.nextInt(4);
        if (k == 1) {
            StringBuilder sb = new StringBuilder("<struct>");
            for (int i = rnd.nextInt(4); i > 0; i--) {
                sb.append("<member><name>m").append(i).append("</name>")
                        .append(randomValue(rnd, depth - 1)).append("</member>");
            }
            return "<value>" + sb + "</struct></value>";
        }
        if (k == 2) {
            StringBuilder sb = new StringBuilder("<array><data>");
            for (int i = rnd.nextInt(4); i > 0; i--) {
                sb.append(randomValue(rnd, depth - 1)).append('\n');
            }
            return "<value>" + sb + "</data></array></value>";
        }
        return "<value>" + SCALARS[rnd.nextInt(SCALARS.length)] + "</value>";
    }

    private static final String APACHE_NS =
            " xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"";

    /** A valid document: a call, a response or a fault, hand-made or written by the codec. */
    static byte[] corpus(Random rnd) {
        String decl = rnd.nextBoolean() ? "<?xml version=\"1.0\"?>\n" : "";
        switch (rnd.nextInt(6)) {
            case 0, 1 -> {
                StringBuilder sb = new StringBuilder(decl + "<methodCall" + APACHE_NS
                        + "><methodName>" + (rnd.nextBoolean() ? "echo" : "sample.add")
                        + "</methodName><params>");
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    sb.append("<param>").append(randomValue(rnd, 3)).append("</param>");
                }
                return utf8(sb + "</params></methodCall>");
            }
            case 2 -> {
                return utf8(decl + "<methodResponse" + APACHE_NS + "><params><param>"
                        + randomValue(rnd, 3) + "</param></params></methodResponse>");
            }
            case 3 -> {
                return utf8(decl + "<methodResponse><fault><value><struct><member><name>"
                        + "faultCode</name><value><" + (rnd.nextBoolean() ? "int" : "i4") + ">"
                        + (rnd.nextInt(200) - 100) + "</int></value></member><member><name>"
                        + "faultString</name><value>" + (rnd.nextBoolean() ? "<string>x</string>"
                        : "Too many parameters.") + "</value></member></struct></value></fault>"
                        + "</methodResponse>");
            }
            case 4 -> {
                return utf8(decl + "<methodCall><methodName>system.multicall</methodName><params>"
                        + "<param><value><array><data>"
                        + "<value><struct><member><name>methodName</name><value>echo</value>"
                        + "</member><member><name>params</name><value><array><data>"
                        + randomValue(rnd, 2) + "</data></array></value></member></struct></value>"
                        + "<value><struct><member><name>methodName</name><value>nope</value>"
                        + "</member></struct></value>"
                        + "<value><struct><member><name>methodName</name><value>fail</value>"
                        + "</member></struct></value>"
                        + "<value><int>3</int></value>"
                        + "</data></array></value></param></params></methodCall>");
            }
            default -> {
                XmlRpcConfig config = XmlRpcFuzzTest.CONFIGS.get(rnd.nextInt(3));
                XmlRpcCodec codec = new XmlRpcCodec(config);
                List<XmlRpcValue> params = new ArrayList<>();
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    params.add(tree(rnd, 3, config.extensions()));
                }
                return rnd.nextBoolean() ? codec.encodeRequest(new XmlRpcRequest("echo", params))
                        : codec.encodeResponse(new XmlRpcResponse.Success(
                                tree(rnd, 3, config.extensions())));
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    private static final String[] TAGS = {"value", "int", "i4", "i8", "ex:i8", "boolean",
        "string", "double", "dateTime.iso8601", "base64", "struct", "member", "name", "array",
        "data", "nil", "ex:nil", "params", "param", "methodName", "methodCall",
        "methodResponse", "fault", "ex:serializable", "x:int", "", "valuex"};
    private static final String[] NUMBERS = {"99999999999999999999999", "-9223372036854775809",
        "2147483648", "-2147483649", "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "0x10",
        "1_000", "", " ", "+", "-", "1.0", "\u0661\u0662", "１２", "1e-400", "1e99999",
        "0000000000000000000000001", ".", "e5", "1e", "9".repeat(500), "-0.0", "-0", "1d",
        "1.5f", "\t7\n"};
    private static final String[] DOUBLES = {"1e400", "-1e400", "1e309", "1.8e308",
        "1.7976931348623157e308", "NaN", "Infinity", "1e-400", "-0.0", "4.9e-324", ".", "1.",
        "-.5e-3", "1e+0", "0x1p3", "1,5"};
    private static final String[] DATES = {"", "19980717", "19981317T14:08:55",
        "19980230T14:08:55", "19980717T25:08:55", "19980717T14:60:55", "19980717T14:08:61",
        "99999999T99:99:99", "19980717T14:08:55+25:00", "19980717T14:08:55+18:01",
        "19980717T14:08:55-99", "0000-01-01T00:00:00", "19980717T14:08:55.", "1998-07-17",
        "T14:08:55", "19980717T14:08:55.1234567890", "\u0661\u0669\u0669\u0668" + "0717T14:08:55",
        "19980717T14:08:55Z+01:00", "19980717T14:08:55+0", "19980717 14:08:55",
        "1".repeat(39) + "\uD83D\uDE00"};
    private static final String[] BASE64 = {"!!!!", "A", "AB", "ABC", "AB=C", "====", "A===",
        "QUJD\u00e9", "QUJD-_", "QUJDRA==QUJD", "Q U J D", "QUJD\u0000", "%%%", "QUJDRA=",
        "QUJDRA===", "QQ==\nQQ=="};
    private static final String[] MISC = {"<!-- c -->", "<?pi data?>", "<![CDATA[x]]>",
        "<![CDATA[]]>", "<![CDATA[<value>]]>", "&amp;", "&#65;", "&#0;", "&#x1;", "&#xD800;",
        "&#1114112;", "&bogus;", "&lt;", "\u0000", "\uD83D\uDE00", "\uFFFE", " ", "\r\n",
        "x", "<", ">", "&", "]]>", "</value>", "<value>", "<x/>", "<a b='1'/>",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "\u0085", "\u2028",
        "y".repeat(39) + "\uD83D\uDE00", " " + "y".repeat(199) + "\uD83D\uDE00z"};
    private static final String[] ENCODINGS = {"UTF-8", "utf-8", "ISO-8859-1", "US-ASCII",
        "UTF-16", "UTF-16BE", "UTF-32", "IBM037", "windows-1252", "Shift_JIS", "bogus-enc",
        "x", "UTF-7", "GB18030", "ISO-2022-JP", "UTF_8", "1", ""};

    static byte[] mutate(Random rnd, byte[] doc, int rounds) {
        for (int i = 0; i < rounds; i++) {
            doc = mutateOnce(rnd, doc);
        }
        return doc;
    }

    private static byte[] mutateOnce(Random rnd, byte[] doc) {
        String s = new String(doc, StandardCharsets.UTF_8);
        return switch (rnd.nextInt(28)) {
            case 0 -> {   // byte flip
                byte[] d = doc.clone();
                if (d.length > 0) {
                    d[rnd.nextInt(d.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                yield d;
            }
            case 1 -> {   // random byte, possibly invalid UTF-8 or NUL
                byte[] d = doc.clone();
                if (d.length > 0) {
                    int[] bad = {0x00, 0x80, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFE, 0xFF};
                    d[rnd.nextInt(d.length)] = (byte) bad[rnd.nextInt(bad.length)];
                }
                yield d;
            }
            case 2 -> utf8(renameTag(rnd, s));
            case 3 -> java.util.Arrays.copyOf(doc, rnd.nextInt(doc.length + 1));   // truncate
            case 4 -> utf8(unbalance(rnd, s));
            case 5 -> utf8(duplicateMember(rnd, s));
            case 6 -> utf8(replaceContent(rnd, s, new String[] {"int", "i4", "i8", "ex:i8",
                "double", "boolean"}, NUMBERS));
            case 7 -> utf8(replaceContent(rnd, s, new String[] {"dateTime.iso8601"}, DATES));
            case 8 -> utf8(replaceContent(rnd, s, new String[] {"base64"}, BASE64));
            case 9 -> utf8(deepen(rnd, s));
            case 10 -> utf8(insertAtTag(rnd, s, "<value><string>"
                    + longText(rnd) + "</string></value>"));
            case 11 -> utf8(replaceContent(rnd, s, new String[] {"string", "name",
                "methodName", "value"}, new String[] {longText(rnd)}));
            case 12 -> utf8(doctype(rnd, s));
            case 13 -> utf8(insertAtTag(rnd, s, MISC[rnd.nextInt(MISC.length)]));
            case 14 -> utf8(insertAt(rnd, s, MISC[rnd.nextInt(MISC.length)]));
            case 15 -> encoding(rnd, s);
            case 16 -> utf8(replaceContent(rnd, s, new String[] {"string", "name", "methodName"},
                    new String[] {"<![CDATA[" + randomString(rnd, 10) + "]]>",
                        "a<!--x-->b", "a<?p?>b", "&#x1F600;", "&#13;", "   ", ""}));
            case 17 -> utf8("<?xml version=\"1.1\"?>" + s.replaceFirst("^<\\?xml[^>]*>", "")
                    .replace("</string>", "&#x1;&#x7F;&#x85;</string>"));
            case 18 -> {   // splice two documents
                byte[] other = corpus(rnd);
                int a = rnd.nextInt(doc.length + 1);
                int b = rnd.nextInt(other.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(doc, 0, a);
                out.write(other, b, other.length - b);
                yield out.toByteArray();
            }
            case 19 -> utf8(s.replace("</methodName>", "\uD83D\uDE00".repeat(rnd.nextInt(3))
                    + "x".repeat(rnd.nextInt(250)) + "\uD83D\uDE00</methodName>"));
            case 20 -> utf8(insertAtTag(rnd, s, "<value>" + "x".repeat(39) + "\uD83D\uDE00"
                    + "</value>"));
            case 21 -> utf8(insertAtTag(rnd, s, randomValue(rnd, 2)));
            default -> utf8(retype(rnd, s));
        };
    }

    private static List<Integer> tagStarts(String s) {
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            at.add(i);
        }
        return at;
    }

    private static String insertAt(Random rnd, String s, String what) {
        int at = rnd.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String insertAtTag(Random rnd, String s, String what) {
        List<Integer> at = tagStarts(s);
        if (at.isEmpty()) {
            return s + what;
        }
        int i = at.get(rnd.nextInt(at.size()));
        return s.substring(0, i) + what + s.substring(i);
    }

    private static String renameTag(Random rnd, String s) {
        List<Integer> at = tagStarts(s);
        if (at.isEmpty()) {
            return s;
        }
        int i = at.get(rnd.nextInt(at.size())) + 1;
        if (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        int end = i;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end))
                || s.charAt(end) == '.' || s.charAt(end) == ':')) {
            end++;
        }
        return s.substring(0, i) + TAGS[rnd.nextInt(TAGS.length)] + s.substring(end);
    }

    private static String unbalance(Random rnd, String s) {
        String tag = TAGS[rnd.nextInt(TAGS.length)];
        return switch (rnd.nextInt(3)) {
            case 0 -> s.replaceFirst("</" + java.util.regex.Pattern.quote(tag) + ">", "");
            case 1 -> insertAtTag(rnd, s, "</" + tag + ">");
            default -> insertAtTag(rnd, s, "<" + tag + ">");
        };
    }

    private static String duplicateMember(Random rnd, String s) {
        int a = s.indexOf("<member>");
        int b = s.indexOf("</member>", a + 1);
        if (a < 0 || b < 0) {
            return s;
        }
        String member = s.substring(a, b + 9);
        return s.substring(0, a) + member.repeat(rnd.nextInt(3) + 2) + s.substring(b + 9);
    }

    private static final java.util.regex.Pattern SCALAR = java.util.regex.Pattern.compile(
            "<(int|i4|i8|ex:i8|boolean|string|double|dateTime\\.iso8601|base64)>[^<]*</\\1>");
    private static final String[] NUMBER_TAGS = {"int", "i4", "i8", "ex:i8", "double",
        "boolean"};

    /** Replaces a random scalar with a typed value that is odd, out of range or invalid. */
    private static String retype(Random rnd, String s) {
        List<java.util.regex.MatchResult> scalars = SCALAR.matcher(s).results().toList();
        if (scalars.isEmpty()) {
            return s;
        }
        java.util.regex.MatchResult m = scalars.get(rnd.nextInt(scalars.size()));
        String tag;
        String value;
        switch (rnd.nextInt(4)) {
            case 0 -> {
                tag = "dateTime.iso8601";
                value = DATES[rnd.nextInt(DATES.length)];
            }
            case 1 -> {
                tag = "base64";
                value = BASE64[rnd.nextInt(BASE64.length)];
            }
            case 2 -> {
                tag = "double";
                value = DOUBLES[rnd.nextInt(DOUBLES.length)];
            }
            default -> {
                tag = NUMBER_TAGS[rnd.nextInt(NUMBER_TAGS.length)];
                value = NUMBERS[rnd.nextInt(NUMBERS.length)];
            }
        }
        return s.substring(0, m.start()) + "<" + tag + ">" + value + "</" + tag + ">"
                + s.substring(m.end());
    }

    /** Replaces the content of a random element with one of the given tags. */
    private static String replaceContent(Random rnd, String s, String[] tags, String[] values) {
        String tag = tags[rnd.nextInt(tags.length)];
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
            at.add(i);
        }
        String value = values[rnd.nextInt(values.length)];
        if (at.isEmpty()) {
            return insertAtTag(rnd, s, "<value>" + open + value + close + "</value>");
        }
        int start = at.get(rnd.nextInt(at.size())) + open.length();
        int end = s.indexOf(close, start);
        return end < 0 ? s : s.substring(0, start) + value + s.substring(end);
    }

    /** Wraps a value in arrays and structs, around and far beyond the depth limits. */
    private static String deepen(Random rnd, String s) {
        int[] depths = {5, 6, 7, 63, 64, 65, 66, 70, 200, 1000};
        int n = depths[rnd.nextInt(depths.length)];
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (rnd.nextBoolean()) {
                open.append("<value><array><data>");
                close.insert(0, "</data></array></value>");
            } else {
                open.append("<value><struct><member><name>k</name>");
                close.insert(0, "</member></struct></value>");
            }
        }
        String inner = "<value><int>1</int></value>";
        int at = s.indexOf(inner);
        if (at < 0) {
            return insertAtTag(rnd, s, open + inner + close);
        }
        return s.substring(0, at) + open + inner + close + s.substring(at + inner.length());
    }

    private static String doctype(Random rnd, String s) {
        String body = s.replaceFirst("^<\\?xml[^>]*>", "");
        String[] doctypes = {
            "<!DOCTYPE methodCall>",
            "<!DOCTYPE m [<!ENTITY xxe SYSTEM \"" + XmlRpcFuzzTest.secretUri + "\">]>",
            "<!DOCTYPE m SYSTEM \"" + XmlRpcFuzzTest.secretUri + "\">",
            "<!DOCTYPE m [<!ENTITY % p SYSTEM \"" + XmlRpcFuzzTest.secretUri + "\"> %p;]>",
            "<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
        };
        String withRefs = body.replace("</string>", "&xxe;&b;</string>")
                .replace("</methodName>", "&xxe;</methodName>");
        return "<?xml version=\"1.0\"?>" + doctypes[rnd.nextInt(doctypes.length)]
                + (rnd.nextBoolean() ? withRefs : body);
    }

    /** Declares another encoding, and sometimes really encodes the document in it. */
    private static byte[] encoding(Random rnd, String s) {
        String enc = ENCODINGS[rnd.nextInt(ENCODINGS.length)];
        String body = "<?xml version=\"1.0\" encoding=\"" + enc + "\"?>"
                + s.replaceFirst("^<\\?xml[^>]*>", "");
        return switch (rnd.nextInt(4)) {
            case 0 -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                    body.getBytes(StandardCharsets.UTF_16BE));
            case 1 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    body.getBytes(StandardCharsets.UTF_16LE));
            case 2 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(body));
            default -> body.getBytes(supported(enc) ? java.nio.charset.Charset.forName(enc)
                    : StandardCharsets.UTF_8);
        };
    }

    private static boolean supported(String name) {
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String longText(Random rnd) {
        int[] lengths = {299, 300, 301, 1000, 5000, 7000};
        return "y".repeat(lengths[rnd.nextInt(lengths.length)]);
    }

    // ---------------------------------------------------------------- random trees

    static XmlRpcValue tree(Random rnd, int depth, boolean extensions) {
        int kind = rnd.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> new IntValue(rnd.nextInt(3) == 0 ? rnd.nextInt() : rnd.nextInt(200) - 100);
            case 1 -> extensions ? new LongValue(rnd.nextLong()) : new IntValue(rnd.nextInt());
            case 2 -> rnd.nextBoolean() ? BooleanValue.TRUE : BooleanValue.FALSE;
            case 3 -> new StringValue(randomString(rnd, 20));
            case 4 -> new DoubleValue(randomDouble(rnd));
            case 5 -> new DateTimeValue(LocalDateTime.of(rnd.nextInt(10000), rnd.nextInt(12) + 1,
                    rnd.nextInt(28) + 1, rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60)),
                    switch (rnd.nextInt(3)) {
                        case 0 -> null;
                        case 1 -> ZoneOffset.UTC;
                        default -> ZoneOffset.ofTotalSeconds((rnd.nextInt(36 * 4 + 1) - 72) * 900);
                    });
            case 6 -> {
                byte[] b = new byte[rnd.nextInt(70)];
                rnd.nextBytes(b);
                yield new Base64Value(b);
            }
            case 7 -> extensions ? NilValue.INSTANCE : new StringValue("");
            case 8 -> new StringValue(rnd.nextBoolean() ? " " : "\r\n\t");
            case 9 -> extensions ? new LongValue(rnd.nextInt()) : new IntValue(0);
            case 10 -> {
                Map<String, XmlRpcValue> m = new LinkedHashMap<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    m.put(randomString(rnd, 6), tree(rnd, depth - 1, extensions));
                }
                yield new StructValue(m);
            }
            default -> {
                List<XmlRpcValue> l = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    l.add(tree(rnd, depth - 1, extensions));
                }
                yield new ArrayValue(l);
            }
        };
    }

    private static double randomDouble(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextDouble() * 1000 - 500;
            case 1 -> Double.longBitsToDouble(rnd.nextLong()) % 1e300;   // any magnitude, finite
            case 2 -> new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300,
                0.1, 1e22, Double.MIN_NORMAL}[rnd.nextInt(8)];
            case 3 -> rnd.nextInt(1000);
            case 4 -> {
                double d = Double.longBitsToDouble(rnd.nextLong());
                yield Double.isFinite(d) ? d : 1.0;
            }
            default -> rnd.nextGaussian();
        };
    }

    /** XML-safe text with markup characters, CR, whitespace and supplementary characters. */
    static String randomString(Random rnd, int max) {
        String pool = "abc XYZ09&<>\"'\r\n\t]]>\u00e9\u20ac\u4e2d\uFFFD";
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(max + 1); i > 0; i--) {
            if (rnd.nextInt(10) == 0) {
                sb.appendCodePoint(0x1F600 + rnd.nextInt(50));
            } else {
                sb.append(pool.charAt(rnd.nextInt(pool.length())));
            }
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
