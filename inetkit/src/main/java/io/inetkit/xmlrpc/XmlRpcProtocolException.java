package io.inetkit.xmlrpc;

import java.io.IOException;

/**
 * An XML-RPC document was malformed, did not follow the XML-RPC format, or exceeded a limit
 * of {@link XmlRpcConfig}. The {@link #kind()} tells these apart; a server maps it to a fault
 * code (see {@link FaultCodes}).
 */
public class XmlRpcProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What was wrong with the document. */
    public enum Kind {
        /** Not well-formed XML, or XML with a DOCTYPE (refused). */
        NOT_WELL_FORMED,
        /** Well-formed XML that is not a valid XML-RPC message. */
        INVALID,
        /** The document exceeded a size, depth or count limit. */
        LIMIT_EXCEEDED
    }

    /** What was wrong. */
    private final Kind kind;

    /**
     * Creates an exception.
     *
     * @param kind what was wrong
     * @param message what happened, in words a user understands
     */
    public XmlRpcProtocolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param kind what was wrong
     * @param message what happened, in words a user understands
     * @param cause the underlying failure
     */
    public XmlRpcProtocolException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * Returns what was wrong with the document.
     *
     * @return the kind of problem
     */
    public Kind kind() {
        return kind;
    }
}
