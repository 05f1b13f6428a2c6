package io.inetkit.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.xmlrpc.XmlRpcProtocolException.Kind;
import io.inetkit.xmlrpc.XmlRpcValue.DoubleValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression tests for the bugs {@link XmlRpcFuzzTest} found, one input each. */
class XmlRpcFuzzFindingsTest {

    private static final String EMOJI = "\uD83D\uDE00";

    private final XmlRpcCodec codec = new XmlRpcCodec(XmlRpcConfig.DEFAULT);
    private final XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder().build();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private XmlRpcResponse.Failure serve(String document) throws Exception {
        return (XmlRpcResponse.Failure) codec.decodeResponse(
                dispatcher.handle(new ByteArrayInputStream(utf8(document))));
    }

    /** XML 1.1 let control characters in that no XML 1.0 writer can send back. */
    @Test
    void refusesXml11() throws Exception {
        String doc = "<?xml version=\"1.1\"?><methodCall><methodName>m</methodName><params>"
                + "<param><value><string>a&#x1;b</string></value></param></params></methodCall>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(doc)))
                .isInstanceOfSatisfying(XmlRpcProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.NOT_WELL_FORMED))
                .hasMessageContaining("XML 1.0");
        assertThat(codec.decodeRequest(utf8(doc.replace("1.1", "1.0").replace("&#x1;", ""))))
                .isEqualTo(XmlRpcRequest.of("m", "ab"));
    }

    /** -0.0 was written as 0.0 (BigDecimal has no negative zero). */
    @Test
    void negativeZeroKeepsItsSign() throws Exception {
        XmlRpcResponse r = new XmlRpcResponse.Success(new DoubleValue(-0.0));
        byte[] doc = codec.encodeResponse(r);
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains("<double>-0.0</double>");
        assertThat(codec.decodeResponse(doc)).isEqualTo(r);
        assertThat(XmlRpcWriter.formatDouble(0.0)).isEqualTo("0.0");
    }

    /**
     * Fault texts quote the input cut to a length; a cut through a surrogate pair left half a
     * character that cannot be written, so the parse error or "method not found" became
     * -32603 "the result cannot be sent".
     */
    @Test
    void quotedInputIsCutBetweenCharacters() throws Exception {
        String text = "y".repeat(39) + EMOJI;
        XmlRpcResponse.Failure f = serve("<methodCall><methodName>m</methodName>" + text
                + "<params/></methodCall>");
        assertThat(f.faultCode()).isEqualTo(FaultCodes.INVALID_REQUEST);
        assertThat(f.faultString()).contains("y".repeat(39) + "...");

        f = serve("<methodCall><methodName>m</methodName><params><param><value>"
                + "<dateTime.iso8601>" + "1".repeat(39) + EMOJI + "</dateTime.iso8601>"
                + "</value></param></params></methodCall>");
        assertThat(f.faultCode()).isEqualTo(FaultCodes.INVALID_REQUEST);
        assertThat(f.faultString()).contains("dateTime");

        String name = "n".repeat(199) + EMOJI;
        f = serve("<methodCall><methodName>" + name + "</methodName></methodCall>");
        assertThat(f.faultCode()).isEqualTo(FaultCodes.METHOD_NOT_FOUND);
        assertThat(f.faultString()).endsWith("n".repeat(199) + "...");
    }

    @Test
    void shortenKeepsWholeCharacters() {
        assertThat(XmlRpcReader.shorten("abc", 3)).isEqualTo("abc");
        assertThat(XmlRpcReader.shorten("ab" + EMOJI, 3)).isEqualTo("ab...");
        assertThat(XmlRpcReader.shorten("abc" + EMOJI, 3)).isEqualTo("abc...");
        assertThat(XmlRpcReader.shorten("a" + EMOJI + "b", 3)).isEqualTo("a" + EMOJI + "...");
        assertThat(List.of(XmlRpcReader.shorten(EMOJI.repeat(5), 4)))
                .containsExactly(EMOJI.repeat(2) + "...");
    }
}
