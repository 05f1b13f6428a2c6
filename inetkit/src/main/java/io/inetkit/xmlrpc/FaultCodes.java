package io.inetkit.xmlrpc;

/**
 * The fault codes the dispatcher uses, from the "specification for fault code
 * interoperability" (xmlrpc-epi, 2001), which Python, PHP and Apache XML-RPC also use.
 *
 * <p>Methods are free to throw {@link XmlRpcFault} with any other code; codes from -32768
 * to -32000 are reserved for these.
 */
public final class FaultCodes {

    /** Not well-formed XML (also: a DOCTYPE, which is refused). */
    public static final int PARSE_ERROR = -32700;
    /** Unsupported character encoding. */
    public static final int UNSUPPORTED_ENCODING = -32701;
    /** Invalid character for the encoding. */
    public static final int INVALID_CHARACTER = -32702;
    /** Well-formed XML that is not a valid XML-RPC request, or a request over a limit. */
    public static final int INVALID_REQUEST = -32600;
    /** No method of that name is registered. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Wrong number or types of parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** The server failed outside the method, for example while encoding its result. */
    public static final int INTERNAL_ERROR = -32603;
    /** The method threw an exception that was not an {@link XmlRpcFault}. */
    public static final int APPLICATION_ERROR = -32500;
    /** A system error. */
    public static final int SYSTEM_ERROR = -32400;
    /** A transport error. */
    public static final int TRANSPORT_ERROR = -32300;

    private FaultCodes() {
    }
}
