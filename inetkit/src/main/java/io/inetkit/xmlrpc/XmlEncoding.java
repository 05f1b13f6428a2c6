package io.inetkit.xmlrpc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a document's bytes as its byte order mark or XML declaration says (UTF-8 when
 * neither does), with a decoder that fails on malformed bytes. Decoding here, rather than in
 * the parser, keeps undecodable input a clean {@link XmlRpcProtocolException} (the JDK's
 * parser would also print such errors to stderr).
 */
final class XmlEncoding {

    private static final int SNIFF = 256;
    private static final Pattern DECLARED = Pattern.compile(
            "^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,39})[\"']");

    private XmlEncoding() {
    }

    static Reader reader(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 8192);
        in.mark(SNIFF);
        byte[] head = head(in);
        in.reset();
        Charset charset;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            charset = StandardCharsets.UTF_8;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            in.skipNBytes(2);
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            in.skipNBytes(2);
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declared(new String(head, StandardCharsets.ISO_8859_1));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /** Reads up to the first '>' (the end of an XML declaration), never past the document. */
    private static byte[] head(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(SNIFF);
        for (int i = 0; i < SNIFF; i++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            if (b == '>') {
                break;
            }
        }
        return head.toByteArray();
    }

    private static Charset declared(String head) throws XmlRpcProtocolException {
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset c = Charset.forName(m.group(1));
            if (c.name().startsWith("UTF-16") || c.name().startsWith("UTF-32")) {
                // Without a byte order mark the bytes cannot be the ASCII we just matched.
                throw new XmlRpcProtocolException(XmlRpcProtocolException.Kind.NOT_WELL_FORMED,
                        "document declares " + c.name() + " but is not encoded so");
            }
            return c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XmlRpcProtocolException(XmlRpcProtocolException.Kind.NOT_WELL_FORMED,
                    "unsupported character encoding '" + m.group(1) + "'");
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
