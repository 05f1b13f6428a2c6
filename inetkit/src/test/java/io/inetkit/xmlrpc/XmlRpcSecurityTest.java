package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcProtocolException.Kind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents: DTDs, entities, nesting, sizes. */
class XmlRpcSecurityTest {

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcConfig.DEFAULT);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Kind failureKind(String document) {
        try {
            codec.decodeRequest(utf8(document));
        } catch (XmlRpcProtocolException e) {
            return e.kind();
        }
        throw new AssertionError("document was accepted: " + document);
    }

    @Test
    void refusesExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<methodCall><methodName>m</methodName><params>"
                + "<param><value><string>&xxe;</string></value></param></params></methodCall>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(doc)))
                .isInstanceOf(XmlRpcProtocolException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String doc = "<?xml version=\"1.0\"?>" + dtd + "<methodCall><methodName>&lol9;"
                + "</methodName></methodCall>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(doc)))
                .isInstanceOf(XmlRpcProtocolException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnyDoctype(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("x.dtd");
        Files.writeString(dtd, "<!ENTITY e \"from the DTD\">");
        for (String doctype : List.of("<!DOCTYPE methodCall>",
                "<!DOCTYPE methodCall SYSTEM \"" + dtd.toUri() + "\">",
                "<!DOCTYPE methodCall [<!ELEMENT methodCall ANY>]>")) {
            assertThatThrownBy(() -> codec.decodeRequest(utf8(doctype
                    + "<methodCall><methodName>m</methodName></methodCall>")))
                    .as(doctype)
                    .isInstanceOfSatisfying(XmlRpcProtocolException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_WELL_FORMED))
                    .hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void refusesUndeclaredEntity() {
        assertThat(failureKind("<methodCall><methodName>&foo;</methodName></methodCall>"))
                .isEqualTo(Kind.NOT_WELL_FORMED);
    }

    @Test
    void refusesDeepNesting() throws Exception {
        String open = "<value><array><data>".repeat(65);
        String close = "</data></array></value>".repeat(65);
        String doc = "<methodCall><methodName>m</methodName><params><param>" + open + close
                + "</param></params></methodCall>";
        assertThat(failureKind(doc)).isEqualTo(Kind.LIMIT_EXCEEDED);
        String ok = "<methodCall><methodName>m</methodName><params><param>"
                + "<value><array><data>".repeat(64) + "</data></array></value>".repeat(64)
                + "</param></params></methodCall>";
        assertThat(codec.decodeRequest(utf8(ok)).params()).hasSize(1);
        String structs = "<value><struct><member><name>n</name>".repeat(65)
                + "<value/>" + "</member></struct></value>".repeat(65);
        assertThat(failureKind("<methodCall><methodName>m</methodName><params><param>"
                + structs + "</param></params></methodCall>")).isEqualTo(Kind.LIMIT_EXCEEDED);
    }

    @Test
    void refusesOversizedDocumentWhileStreaming() {
        XmlRpcCodec small = new XmlRpcCodec(XmlRpcConfig.builder().maxDocumentBytes(1000).build());
        // An endless stream: the bound must stop reading, not wait for the end.
        InputStream endless = new InputStream() {
            private final byte[] head = utf8("<methodCall><methodName>m</methodName><params>"
                    + "<param><value><string>");
            private int pos;

            @Override
            public int read() {
                return pos < head.length ? head[pos++] : 'x';
            }
        };
        assertThatThrownBy(() -> small.readRequest(endless))
                .isInstanceOfSatisfying(XmlRpcProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED))
                .hasMessageContaining("1000 bytes");
    }

    @Test
    void refusesLongStringsAndBase64AndTooManyValues() throws Exception {
        XmlRpcConfig config = XmlRpcConfig.builder().maxStringChars(10).maxBase64Bytes(6)
                .maxValues(3).build();
        XmlRpcCodec strict = new XmlRpcCodec(config);
        String head = "<methodCall><methodName>m</methodName><params>";
        String tail = "</params></methodCall>";
        assertThatThrownBy(() -> strict.decodeRequest(utf8(head
                + "<param><value>12345678901</value></param>" + tail)))
                .hasMessageContaining("10 chars");
        assertThatThrownBy(() -> strict.decodeRequest(utf8(head
                + "<param><value><base64>QUJDREVGRw==</base64></value></param>" + tail)))
                .hasMessageContaining("6 bytes");
        assertThat(strict.decodeRequest(utf8(head
                + "<param><value><base64>QUJDREVG</base64></value></param>" + tail)).params())
                .containsExactly(new XmlRpcValue.Base64Value(utf8("ABCDEF")));
        assertThatThrownBy(() -> strict.decodeRequest(utf8(head
                + "<param><value><array><data><value/><value/><value/></data></array></value>"
                + "</param>" + tail)))
                .hasMessageContaining("3 values");
    }

    @Test
    void refusesJavaSpecificApacheTypes() {
        XmlRpcCodec ext = new XmlRpcCodec(XmlRpcConfig.DEFAULT.withExtensions(true));
        String doc = "<methodCall xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                + "<methodName>m</methodName><params><param><value><ex:serializable>rO0ABXA="
                + "</ex:serializable></value></param></params></methodCall>";
        assertThatThrownBy(() -> ext.decodeRequest(utf8(doc)))
                .isInstanceOfSatisfying(XmlRpcProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining("unknown value type <ex:serializable>");
    }

    @Test
    void malformedDocumentsGiveClearErrors() {
        assertThat(failureKind("<methodCall><methodName>m</methodName>")).isEqualTo(
                Kind.NOT_WELL_FORMED);
        assertThat(failureKind("")).isEqualTo(Kind.NOT_WELL_FORMED);
        assertThat(failureKind("<methodCall><methodName>m</methodName></methodCal>"))
                .isEqualTo(Kind.NOT_WELL_FORMED);
        assertThat(failureKind("<methodResponse/>")).isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><params/></methodCall>")).isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><methodName>m</methodName><params><param><value>"
                + "<int>1</int><int>2</int></value></param></params></methodCall>"))
                .isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><methodName>m</methodName><params><param><value>"
                + "<int>99999999999</int></value></param></params></methodCall>"))
                .isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><methodName>m</methodName><params><param><value>"
                + "<double>NaN</double></value></param></params></methodCall>"))
                .isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><methodName>m</methodName><params><param><value>"
                + "<base64>!!!!</base64></value></param></params></methodCall>"))
                .isEqualTo(Kind.INVALID);
        assertThat(failureKind("<methodCall><methodName>m</methodName>junk</methodCall>"))
                .isEqualTo(Kind.INVALID);
    }

    @Test
    void undecodableBytesAreProtocolErrors() {
        byte[] doc = "<methodCall><methodName>m\u00ff</methodName></methodCall>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> codec.decodeRequest(doc))
                .isInstanceOfSatisfying(XmlRpcProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.NOT_WELL_FORMED))
                .hasMessageContaining("character encoding");
        assertThat(failureKind("<?xml version=\"1.0\" encoding=\"bogus\"?><methodCall/>"))
                .isEqualTo(Kind.NOT_WELL_FORMED);
    }

    @Test
    void streamErrorsStayIoErrors() {
        byte[] head = utf8("<methodCall>");
        InputStream broken = new InputStream() {
            private int pos;

            @Override
            public int read() throws java.io.IOException {
                if (pos < head.length) {
                    return head[pos++];
                }
                throw new java.io.IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> codec.readRequest(broken))
                .isExactlyInstanceOf(java.io.IOException.class)
                .hasMessage("connection reset");
    }
}
