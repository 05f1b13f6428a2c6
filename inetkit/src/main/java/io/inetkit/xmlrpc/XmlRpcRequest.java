package io.inetkit.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * A {@code methodCall}: a method name and its parameters.
 *
 * @param methodName the method name, not blank
 * @param params the parameters, copied into an unmodifiable list
 */
public record XmlRpcRequest(String methodName, List<XmlRpcValue> params) {

    /** Checks the name and copies the parameters. */
    public XmlRpcRequest {
        Objects.requireNonNull(methodName, "methodName");
        if (methodName.isBlank()) {
            throw new IllegalArgumentException("method name is blank");
        }
        params = List.copyOf(params);
    }

    /**
     * Creates a request from plain Java parameters (see {@link XmlRpcValue#of(Object)}).
     *
     * @param methodName the method name
     * @param params the parameters
     * @return the request
     */
    public static XmlRpcRequest of(String methodName, Object... params) {
        return new XmlRpcRequest(methodName,
                java.util.Arrays.stream(params).map(XmlRpcValue::of).toList());
    }
}
