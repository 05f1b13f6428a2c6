package io.inetkit.xmlrpc;

import java.util.Objects;

/**
 * A {@code methodResponse}: either one value or a fault. Also the outcome of one call in a
 * {@code system.multicall}.
 */
public sealed interface XmlRpcResponse {

    /**
     * Returns the value, or throws the fault.
     *
     * @return the value of a {@link Success}
     * @throws XmlRpcFault if this is a {@link Failure}
     */
    XmlRpcValue valueOrThrow() throws XmlRpcFault;

    /**
     * A successful response.
     *
     * @param value the returned value
     */
    record Success(XmlRpcValue value) implements XmlRpcResponse {
        /** Checks the value is present. */
        public Success {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public XmlRpcValue valueOrThrow() {
            return value;
        }
    }

    /**
     * A fault response.
     *
     * @param faultCode the fault code
     * @param faultString the fault text
     */
    record Failure(int faultCode, String faultString) implements XmlRpcResponse {
        /** Checks the text is present. */
        public Failure {
            Objects.requireNonNull(faultString, "faultString");
        }

        /**
         * Creates a failure from a fault exception.
         *
         * @param fault the fault
         * @return the failure
         */
        public static Failure of(XmlRpcFault fault) {
            return new Failure(fault.faultCode(), fault.faultString());
        }

        @Override
        public XmlRpcValue valueOrThrow() throws XmlRpcFault {
            throw new XmlRpcFault(faultCode, faultString);
        }
    }
}
