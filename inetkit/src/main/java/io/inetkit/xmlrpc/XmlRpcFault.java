package io.inetkit.xmlrpc;

import java.io.IOException;

/**
 * The server answered a call with an XML-RPC fault: a {@code faultCode} and a
 * {@code faultString} chosen by the server.
 *
 * <p>Server-side, a method may throw this to send exactly that code and text to the caller.
 * The codes the dispatcher itself uses are listed in {@link FaultCodes}.
 */
public class XmlRpcFault extends IOException {

    private static final long serialVersionUID = 1L;

    /** The fault code. */
    private final int faultCode;
    /** The fault text. */
    private final String faultString;

    /**
     * Creates a fault.
     *
     * @param faultCode the fault code
     * @param faultString the fault text, not null
     */
    public XmlRpcFault(int faultCode, String faultString) {
        super("XML-RPC fault " + faultCode + ": " + faultString);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    /**
     * Returns the fault code.
     *
     * @return the code the server sent
     */
    public int faultCode() {
        return faultCode;
    }

    /**
     * Returns the fault text.
     *
     * @return the text the server sent
     */
    public String faultString() {
        return faultString;
    }
}
