package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing and reading every type, and documents from the spec and from Python. */
class XmlRpcCodecTest {

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcConfig.DEFAULT);
    private final XmlRpcCodec ext = new XmlRpcCodec(XmlRpcConfig.DEFAULT.withExtensions(true));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static XmlRpcValue allTypes(boolean extensions) {
        Map<String, XmlRpcValue> members = new LinkedHashMap<>();
        members.put("zeta", new IntValue(Integer.MIN_VALUE));
        members.put("alpha", new IntValue(Integer.MAX_VALUE));
        members.put("bool", BooleanValue.TRUE);
        members.put("no", BooleanValue.FALSE);
        members.put("text", new StringValue("a & b < c > d ]]> \"q\" 'a' \t\n\r\n end"));
        members.put("unicode", new StringValue("h\u00e9llo \u20ac \uD83D\uDE00"));
        members.put("empty", new StringValue(""));
        members.put("spaces", new StringValue("  "));
        members.put("d1", new DoubleValue(-0.25));
        members.put("d2", new DoubleValue(1e100));
        members.put("d3", new DoubleValue(4.9e-324));
        members.put("d4", new DoubleValue(Double.MAX_VALUE));
        members.put("date", new DateTimeValue(LocalDateTime.of(1998, 7, 17, 14, 8, 55)));
        members.put("utc", new DateTimeValue(LocalDateTime.of(2024, 2, 29, 0, 0, 0),
                ZoneOffset.UTC));
        members.put("offset", new DateTimeValue(LocalDateTime.of(2024, 2, 29, 0, 0, 0),
                ZoneOffset.ofHoursMinutes(-5, -30)));
        members.put("bytes", new Base64Value(new byte[] {0, 1, 2, (byte) 0xff}));
        members.put("nobytes", new Base64Value(new byte[0]));
        members.put("list", new ArrayValue(List.of(new IntValue(12), new StringValue("Egypt"),
                BooleanValue.FALSE, new IntValue(-31))));
        members.put("emptylist", new ArrayValue(List.of()));
        members.put("emptystruct", new StructValue(Map.of()));
        members.put("a member name with <markup> & spaces", new IntValue(1));
        if (extensions) {
            members.put("nil", NilValue.INSTANCE);
            members.put("long", new LongValue(Long.MIN_VALUE));
        }
        return new StructValue(members);
    }

    @Test
    void requestRoundTripOfEveryType() throws Exception {
        XmlRpcRequest request = new XmlRpcRequest("a.b_c:d/e",
                List.of(allTypes(false), new IntValue(7),
                        new ArrayValue(List.of(allTypes(false)))));
        XmlRpcRequest back = codec.decodeRequest(codec.encodeRequest(request));
        assertThat(back).isEqualTo(request);
        // member order is kept
        assertThat(((StructValue) back.params().get(0)).members().keySet())
                .startsWith("zeta", "alpha", "bool");
    }

    @Test
    void responseRoundTripWithExtensions() throws Exception {
        XmlRpcResponse response = new XmlRpcResponse.Success(allTypes(true));
        assertThat(ext.decodeResponse(ext.encodeResponse(response))).isEqualTo(response);
        XmlRpcResponse fault = new XmlRpcResponse.Failure(-32601, "no <such> method & more");
        assertThat(codec.decodeResponse(codec.encodeResponse(fault))).isEqualTo(fault);
    }

    @Test
    void requestWithoutParams() throws Exception {
        XmlRpcRequest r = new XmlRpcRequest("system.listMethods", List.of());
        assertThat(codec.decodeRequest(codec.encodeRequest(r))).isEqualTo(r);
        assertThat(codec.decodeRequest(utf8("<methodCall><methodName> m </methodName>"
                + "</methodCall>"))).isEqualTo(new XmlRpcRequest("m", List.of()));
    }

    @Test
    void writesSpecFormats() {
        String doc = new String(codec.encodeRequest(XmlRpcRequest.of("m", 41, true, 1e20,
                LocalDateTime.of(1998, 7, 17, 14, 8, 55), utf8("you can't read this!"),
                "x\ry")), StandardCharsets.UTF_8);
        assertThat(doc).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<value><int>41</int></value>")
                .contains("<value><boolean>1</boolean></value>")
                .contains("<value><double>100000000000000000000.0</double></value>")
                .contains("<dateTime.iso8601>19980717T14:08:55</dateTime.iso8601>")
                .contains("<base64>eW91IGNhbid0IHJlYWQgdGhpcyE=</base64>")
                .contains("<string>x&#13;y</string>");
    }

    @Test
    void refusesWhatXmlRpcCannotCarry() {
        assertThatThrownBy(() -> codec.encodeRequest(XmlRpcRequest.of("m", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> codec.encodeRequest(XmlRpcRequest.of("m", "a\u0000b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> codec.encodeRequest(XmlRpcRequest.of("m", "\uD800")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encodeRequest(XmlRpcRequest.of("m", (Object) null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nil");
        assertThatThrownBy(() -> codec.encodeRequest(XmlRpcRequest.of("m", 1L << 40)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i8");
        // a long that fits is sent as int when i8 is not enabled
        assertThat(new String(codec.encodeRequest(XmlRpcRequest.of("m", 5L)),
                StandardCharsets.UTF_8)).contains("<int>5</int>");
    }

    @Test
    void readsSpecRequestAndResponses() throws Exception {
        String request = """
                <?xml version="1.0"?>
                <methodCall>
                   <methodName>examples.getStateName</methodName>
                   <params>
                      <param>
                         <value><i4>41</i4></value>
                         </param>
                      </params>
                   </methodCall>
                """;
        assertThat(codec.decodeRequest(utf8(request)))
                .isEqualTo(new XmlRpcRequest("examples.getStateName", List.of(new IntValue(41))));
        String response = """
                <?xml version="1.0"?>
                <methodResponse>
                   <params>
                      <param>
                         <value><string>South Dakota</string></value>
                         </param>
                      </params>
                   </methodResponse>
                """;
        assertThat(codec.decodeResponse(utf8(response)))
                .isEqualTo(new XmlRpcResponse.Success(new StringValue("South Dakota")));
        String fault = """
                <?xml version="1.0"?>
                <methodResponse>
                   <fault>
                      <value>
                         <struct>
                            <member>
                               <name>faultCode</name>
                               <value><int>4</int></value>
                               </member>
                            <member>
                               <name>faultString</name>
                               <value><string>Too many parameters.</string></value>
                               </member>
                            </struct>
                         </value>
                      </fault>
                   </methodResponse>
                """;
        XmlRpcResponse f = codec.decodeResponse(utf8(fault));
        assertThat(f).isEqualTo(new XmlRpcResponse.Failure(4, "Too many parameters."));
        assertThatThrownBy(f::valueOrThrow).isInstanceOfSatisfying(XmlRpcFault.class, e -> {
            assertThat(e.faultCode()).isEqualTo(4);
            assertThat(e.faultString()).isEqualTo("Too many parameters.");
        });
    }

    @Test
    void readsSpecValueExamples() throws Exception {
        assertThat(param("""
                <struct>
                   <member>
                      <name>lowerBound</name>
                      <value><i4>18</i4></value>
                      </member>
                   <member>
                      <name>upperBound</name>
                      <value><i4>139</i4></value>
                      </member>
                   </struct>""").toJava()).isEqualTo(Map.of("lowerBound", 18, "upperBound", 139));
        assertThat(param("""
                <array>
                   <data>
                      <value><i4>12</i4></value>
                      <value><string>Egypt</string></value>
                      <value><boolean>0</boolean></value>
                      <value><i4>-31</i4></value>
                      </data>
                   </array>""").toJava()).isEqualTo(List.of(12, "Egypt", false, -31));
        assertThat(param("<base64>eW91IGNhbid0IHJlYWQgdGhpcyE=</base64>"))
                .isEqualTo(new Base64Value(utf8("you can't read this!")));
        assertThat(param("<dateTime.iso8601>19980717T14:08:55</dateTime.iso8601>"))
                .isEqualTo(new DateTimeValue(LocalDateTime.of(1998, 7, 17, 14, 8, 55)));
        assertThat(param("<double>-12.214</double>")).isEqualTo(new DoubleValue(-12.214));
        assertThat(param("<boolean>1</boolean>")).isEqualTo(BooleanValue.TRUE);
        assertThat(param("<int>+7</int>")).isEqualTo(new IntValue(7));
    }

    @Test
    void valueWithoutTypeIsAString() throws Exception {
        assertThat(param("South Dakota")).isEqualTo(new StringValue("South Dakota"));
        assertThat(param("")).isEqualTo(new StringValue(""));
        assertThat(param(" a &amp; b ")).isEqualTo(new StringValue(" a &amp; b ".replace(
                "&amp;", "&")));
        assertThat(param("<![CDATA[<raw>]]>")).isEqualTo(new StringValue("<raw>"));
        assertThat(param("\n  <string> kept </string>\n")).isEqualTo(new StringValue(" kept "));
    }

    @Test
    void parsesDateTimesLeniently() throws Exception {
        LocalDateTime t = LocalDateTime.of(1998, 7, 17, 14, 8, 55);
        for (String s : List.of("19980717T14:08:55", "1998-07-17T14:08:55", "19980717T140855",
                " 19980717T14:08:55\n", "1998-07-17T14:08:55.123")) {
            assertThat(param("<dateTime.iso8601>" + s + "</dateTime.iso8601>"))
                    .as(s).isEqualTo(new DateTimeValue(t));
        }
        assertThat(param("<dateTime.iso8601>19980717T14:08:55Z</dateTime.iso8601>"))
                .isEqualTo(new DateTimeValue(t, ZoneOffset.UTC));
        assertThat(param("<dateTime.iso8601>1998-07-17T14:08:55+02:00</dateTime.iso8601>"))
                .isEqualTo(new DateTimeValue(t, ZoneOffset.ofHours(2)));
        assertThat(param("<dateTime.iso8601>19980717T14:08:55-0530</dateTime.iso8601>"))
                .isEqualTo(new DateTimeValue(t, ZoneOffset.ofHoursMinutes(-5, -30)));
        for (String bad : List.of("19981317T14:08:55", "1998071714:08:55", "yesterday",
                "19980717T25:08:55", "19980230T14:08:55")) {
            assertThatThrownBy(() -> param("<dateTime.iso8601>" + bad + "</dateTime.iso8601>"))
                    .as(bad).isInstanceOf(XmlRpcProtocolException.class)
                    .hasMessageContaining("dateTime");
        }
    }

    @Test
    void extensionsAreOptIn() throws Exception {
        for (String doc : List.of("<nil/>", "<i8>5</i8>", "<ex:nil/>", "<ex:i8>5</ex:i8>")) {
            assertThatThrownBy(() -> param(doc)).as(doc)
                    .isInstanceOf(XmlRpcProtocolException.class)
                    .hasMessageContaining("extension");
        }
        assertThat(extParam("<nil/>")).isEqualTo(NilValue.INSTANCE);
        assertThat(extParam("<ex:nil/>")).isEqualTo(NilValue.INSTANCE);
        assertThat(extParam("<i8>12345678901</i8>")).isEqualTo(new LongValue(12345678901L));
        assertThat(extParam("<ex:i8>-9223372036854775808</ex:i8>"))
                .isEqualTo(new LongValue(Long.MIN_VALUE));
        assertThatThrownBy(() -> extParam("<i8>9223372036854775808</i8>"))
                .isInstanceOf(XmlRpcProtocolException.class);
        String written = new String(ext.encodeRequest(XmlRpcRequest.of("m", null, 1L << 40)),
                StandardCharsets.UTF_8);
        assertThat(written).contains("<value><nil/></value>", "<i8>1099511627776</i8>");
        XmlRpcCodec apache = new XmlRpcCodec(XmlRpcConfig.builder().extensions(true)
                .extensionNames(XmlRpcConfig.ExtensionNames.APACHE).build());
        XmlRpcRequest request = XmlRpcRequest.of("m", null, 1L << 40);
        String namespaced = new String(apache.encodeRequest(request), StandardCharsets.UTF_8);
        assertThat(namespaced).contains("<methodCall xmlns:ex=\""
                        + XmlRpcConfig.APACHE_EXTENSIONS_NAMESPACE + "\">",
                "<value><ex:nil/></value>", "<ex:i8>1099511627776</ex:i8>");
        assertThat(apache.decodeRequest(utf8(namespaced))).isEqualTo(request);
        assertThat(ext.decodeRequest(utf8(namespaced))).isEqualTo(request);
        // without extensions, the style changes nothing
        assertThat(new String(new XmlRpcCodec(XmlRpcConfig.builder()
                .extensionNames(XmlRpcConfig.ExtensionNames.APACHE).build())
                .encodeRequest(XmlRpcRequest.of("m", 1)), StandardCharsets.UTF_8))
                .doesNotContain("xmlns");
    }

    @Test
    void readsPythonOutput() throws Exception {
        // python3: xmlrpc.client.dumps((1, 'a&<>', {'k': [1.5, True]}, Binary(b'\0\1hello' * 10),
        //          DateTime(datetime(1998, 7, 17, 14, 8, 55)), 1e100, -0.25), 'm')
        String python = "<?xml version='1.0'?>\n<methodCall>\n<methodName>m</methodName>\n"
                + "<params>\n<param>\n<value><int>1</int></value>\n</param>\n<param>\n"
                + "<value><string>a&amp;&lt;&gt;</string></value>\n</param>\n<param>\n"
                + "<value><struct>\n<member>\n<name>k</name>\n<value><array><data>\n"
                + "<value><double>1.5</double></value>\n<value><boolean>1</boolean></value>\n"
                + "</data></array></value>\n</member>\n</struct></value>\n</param>\n<param>\n"
                + "<value><base64>\nAAFoZWxsbwABaGVsbG8AAWhlbGxvAAFoZWxsbwABaGVsbG8AAWhlbGxvAAFoZ"
                + "WxsbwABaGVsbG8A\nAWhlbGxvAAFoZWxsbw==\n</base64></value>\n</param>\n<param>\n"
                + "<value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>\n"
                + "</param>\n<param>\n<value><double>1e+100</double></value>\n</param>\n<param>\n"
                + "<value><double>-0.25</double></value>\n</param>\n</params>\n</methodCall>\n";
        XmlRpcRequest r = codec.decodeRequest(utf8(python));
        assertThat(r.methodName()).isEqualTo("m");
        assertThat(r.params()).containsExactly(new IntValue(1), new StringValue("a&<>"),
                new StructValue(Map.of("k", new ArrayValue(List.of(new DoubleValue(1.5),
                        BooleanValue.TRUE)))),
                new Base64Value(utf8("\u0000\u0001hello".repeat(10))),
                new DateTimeValue(LocalDateTime.of(1998, 7, 17, 14, 8, 55)),
                new DoubleValue(1e100), new DoubleValue(-0.25));
        String nilResponse = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"
                + "<value><nil/></value></param>\n</params>\n</methodResponse>\n";
        assertThat(ext.decodeResponse(utf8(nilResponse)))
                .isEqualTo(new XmlRpcResponse.Success(NilValue.INSTANCE));
    }

    @Test
    void readsInputArrivingOneByteAtATime() throws Exception {
        XmlRpcRequest request = new XmlRpcRequest("m", List.of(allTypes(false)));
        byte[] doc = codec.encodeRequest(request);
        java.io.InputStream trickle = new java.io.ByteArrayInputStream(doc) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(codec.readRequest(trickle)).isEqualTo(request);
    }

    @Test
    void readsOtherEncodingsDeclaredInTheProlog() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><methodCall>"
                + "<methodName>m</methodName><params><param><value>caf\u00e9</value></param>"
                + "</params></methodCall>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(codec.decodeRequest(latin1).params())
                .containsExactly(new StringValue("caf\u00e9"));
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><methodCall>"
                + "<methodName>m</methodName><params><param><value>\u20ac\uD83D\uDE00</value>"
                + "</param></params></methodCall>").getBytes(StandardCharsets.UTF_16);
        assertThat(codec.decodeRequest(utf16).params())
                .containsExactly(new StringValue("\u20ac\uD83D\uDE00"));
        byte[] bom = ("\uFEFF<methodCall><methodName>m</methodName></methodCall>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decodeRequest(bom).methodName()).isEqualTo("m");
    }

    private XmlRpcValue param(String inner) throws XmlRpcProtocolException {
        return codec.decodeRequest(utf8(wrap(inner))).params().get(0);
    }

    private XmlRpcValue extParam(String inner) throws XmlRpcProtocolException {
        return ext.decodeRequest(utf8(wrap(inner))).params().get(0);
    }

    private static String wrap(String inner) {
        return "<methodCall xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                + "<methodName>m</methodName><params><param><value>" + inner
                + "</value></param></params></methodCall>";
    }
}
