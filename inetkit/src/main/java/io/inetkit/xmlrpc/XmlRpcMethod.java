package io.inetkit.xmlrpc;

import java.util.List;

/**
 * A method the {@link XmlRpcDispatcher} serves.
 *
 * <pre>{@code
 * XmlRpcMethod add = params -> {
 *     if (params.size() != 2
 *             || !(params.get(0) instanceof XmlRpcValue.IntValue a)
 *             || !(params.get(1) instanceof XmlRpcValue.IntValue b)) {
 *         throw new XmlRpcFault(FaultCodes.INVALID_PARAMS, "add takes two ints");
 *     }
 *     return new XmlRpcValue.IntValue(a.value() + b.value());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface XmlRpcMethod {

    /**
     * Runs the method.
     *
     * @param params the call's parameters
     * @return the result; null is sent as nil (which needs the nil extension)
     * @throws XmlRpcFault to send exactly this fault code and text
     * @throws Exception any other failure, sent as an application error fault whose text
     *     hides the exception unless the dispatcher was configured to expose it
     */
    XmlRpcValue invoke(List<XmlRpcValue> params) throws Exception;
}
