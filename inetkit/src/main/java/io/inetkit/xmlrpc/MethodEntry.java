package io.inetkit.xmlrpc;

import java.util.List;

/**
 * A registered method with its introspection data.
 *
 * @param method the code
 * @param help the text for system.methodHelp, possibly empty
 * @param signatures the signatures for system.methodSignature, possibly empty (unknown)
 */
record MethodEntry(XmlRpcMethod method, String help, List<List<String>> signatures) {

    MethodEntry {
        if (method == null || help == null) {
            throw new IllegalArgumentException("method and help must not be null");
        }
        signatures = signatures.stream().map(List::copyOf).toList();
    }
}
