package io.inetkit.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads and writes XML-RPC {@code methodCall} and {@code methodResponse} documents,
 * independent of any transport. Immutable and safe to share between threads.
 *
 * <p>Reading is hardened (see {@link XmlRpcConfig} for the limits): a DOCTYPE is refused, so
 * no entity can be declared (no XXE, no entity expansion bombs); external entities and DTD
 * access are off; the JDK's StAX parser does no XInclude. Apache XML-RPC's
 * {@code ex:serializable} and other Java-specific types are refused as unknown types; Java
 * serialization is never used. Bytes are decoded as a byte order mark or the XML declaration
 * says, UTF-8 otherwise; undecodable bytes are a malformed document. Only XML 1.0 is read:
 * an XML 1.1 document could carry control characters no XML 1.0 peer can send back.
 *
 * <p>Writing produces UTF-8. Only {@code &amp;}, {@code <}, {@code >} and CR are escaped;
 * characters XML 1.0 cannot carry (most control characters, lone surrogates) are refused
 * with IllegalArgumentException, as are NaN and infinite doubles, and nil or 64-bit
 * integers outside the int range when extensions are off.
 */
public final class XmlRpcCodec {

    private final XmlRpcConfig config;
    /** Configured once, never changed afterwards, shared by every read (see XmlRpcReader.factory). */
    private final XMLInputFactory inputFactory;

    /**
     * Creates a codec.
     *
     * @param config limits and options
     */
    public XmlRpcCodec(XmlRpcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.inputFactory = XmlRpcReader.factory(config);
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration given at construction
     */
    public XmlRpcConfig config() {
        return config;
    }

    /**
     * Encodes a request.
     *
     * @param request the request
     * @return the UTF-8 document
     * @throws IllegalArgumentException if a value cannot be written (see class comment)
     */
    public byte[] encodeRequest(XmlRpcRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmlRpcWriter(out, config).writeRequest(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen in memory
        }
        return out.toByteArray();
    }

    /**
     * Encodes a response.
     *
     * @param response the value or fault
     * @return the UTF-8 document
     * @throws IllegalArgumentException if a value cannot be written (see class comment)
     */
    public byte[] encodeResponse(XmlRpcResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmlRpcWriter(out, config).writeResponse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a request. Reads at most {@link XmlRpcConfig#maxDocumentBytes()} bytes; does not
     * close the stream.
     *
     * @param in the document
     * @return the request
     * @throws XmlRpcProtocolException if the document is malformed, invalid or too large
     * @throws IOException if reading the stream fails
     */
    public XmlRpcRequest readRequest(InputStream in) throws IOException {
        return new XmlRpcReader(config, inputFactory).readRequest(in);
    }

    /**
     * Reads a response. A fault is returned as {@link XmlRpcResponse.Failure}, not thrown.
     * Reads at most {@link XmlRpcConfig#maxDocumentBytes()} bytes; does not close the stream.
     *
     * @param in the document
     * @return the value or fault
     * @throws XmlRpcProtocolException if the document is malformed, invalid or too large
     * @throws IOException if reading the stream fails
     */
    public XmlRpcResponse readResponse(InputStream in) throws IOException {
        return new XmlRpcReader(config, inputFactory).readResponse(in);
    }

    /**
     * Reads a request from bytes.
     *
     * @param document the document
     * @return the request
     * @throws XmlRpcProtocolException if the document is malformed, invalid or too large
     */
    public XmlRpcRequest decodeRequest(byte[] document) throws XmlRpcProtocolException {
        try {
            return readRequest(new ByteArrayInputStream(document));
        } catch (XmlRpcProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a response from bytes.
     *
     * @param document the document
     * @return the value or fault
     * @throws XmlRpcProtocolException if the document is malformed, invalid or too large
     */
    public XmlRpcResponse decodeResponse(byte[] document) throws XmlRpcProtocolException {
        try {
            return readResponse(new ByteArrayInputStream(document));
        } catch (XmlRpcProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
