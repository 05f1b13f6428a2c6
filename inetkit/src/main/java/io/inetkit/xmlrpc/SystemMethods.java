package io.inetkit.xmlrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in {@code system.*} methods: introspection (listMethods, methodHelp,
 * methodSignature) as in Python and the XML-RPC introspection convention, and multicall.
 */
final class SystemMethods {

    static final String LIST_METHODS = "system.listMethods";
    static final String METHOD_HELP = "system.methodHelp";
    static final String METHOD_SIGNATURE = "system.methodSignature";
    static final String MULTICALL = "system.multicall";

    private SystemMethods() {
    }

    static void addIntrospection(Map<String, MethodEntry> methods) {
        Map<String, MethodEntry> view = methods;   // filled completely before any call
        methods.put(LIST_METHODS, new MethodEntry(params -> {
            arity(LIST_METHODS, params, 0);
            List<XmlRpcValue> names = new ArrayList<>();
            view.keySet().stream().sorted().forEach(n -> names.add(new XmlRpcValue.StringValue(n)));
            return new XmlRpcValue.ArrayValue(names);
        }, "Returns the names of the methods this server offers.",
                List.of(List.of("array"))));
        methods.put(METHOD_HELP, new MethodEntry(params -> {
            MethodEntry e = lookup(view, METHOD_HELP, params);
            return new XmlRpcValue.StringValue(e.help());
        }, "Returns the documentation of a method.", List.of(List.of("string", "string"))));
        methods.put(METHOD_SIGNATURE, new MethodEntry(params -> {
            MethodEntry e = lookup(view, METHOD_SIGNATURE, params);
            if (e.signatures().isEmpty()) {
                return new XmlRpcValue.StringValue("undef");
            }
            List<XmlRpcValue> sigs = new ArrayList<>();
            for (List<String> sig : e.signatures()) {
                sigs.add(new XmlRpcValue.ArrayValue(sig.stream()
                        .map(t -> (XmlRpcValue) new XmlRpcValue.StringValue(t)).toList()));
            }
            return new XmlRpcValue.ArrayValue(sigs);
        }, "Returns the signatures of a method: arrays of the result type then the parameter"
                + " types; \"undef\" when unknown.", List.of(List.of("array", "string"))));
    }

    /**
     * Creates system.multicall. {@code dispatch} runs one call and returns its outcome as an
     * encodable response (faults included).
     */
    static MethodEntry multicall(Function<XmlRpcRequest, XmlRpcResponse> dispatch) {
        return new MethodEntry(params -> {
            arity(MULTICALL, params, 1);
            if (!(params.get(0) instanceof XmlRpcValue.ArrayValue calls)) {
                throw new XmlRpcFault(FaultCodes.INVALID_PARAMS,
                        MULTICALL + " takes an array of structs");
            }
            List<XmlRpcValue> results = new ArrayList<>(calls.elements().size());
            for (XmlRpcValue call : calls.elements()) {
                results.add(switch (oneCall(call, dispatch)) {
                    case XmlRpcResponse.Success s -> new XmlRpcValue.ArrayValue(List.of(s.value()));
                    case XmlRpcResponse.Failure f -> faultStruct(f);
                });
            }
            return new XmlRpcValue.ArrayValue(results);
        }, "Runs several calls in one request; returns [result] or a fault struct for each.",
                List.of(List.of("array", "array")));
    }

    private static XmlRpcResponse oneCall(XmlRpcValue call,
            Function<XmlRpcRequest, XmlRpcResponse> dispatch) {
        if (!(call instanceof XmlRpcValue.StructValue s)
                || !(s.get("methodName") instanceof XmlRpcValue.StringValue name)
                || name.value().isBlank()) {
            return new XmlRpcResponse.Failure(FaultCodes.INVALID_PARAMS,
                    "each call must be a struct with a methodName string and a params array");
        }
        List<XmlRpcValue> params;
        switch (s.get("params")) {
            case null -> params = List.of();
            case XmlRpcValue.ArrayValue a -> params = a.elements();
            default -> {
                return new XmlRpcResponse.Failure(FaultCodes.INVALID_PARAMS,
                        "params of a multicall entry must be an array");
            }
        }
        if (name.value().equals(MULTICALL)) {
            return new XmlRpcResponse.Failure(FaultCodes.INVALID_REQUEST,
                    MULTICALL + " cannot be nested");
        }
        return dispatch.apply(new XmlRpcRequest(name.value(), params));
    }

    static XmlRpcValue faultStruct(XmlRpcResponse.Failure f) {
        Map<String, XmlRpcValue> m = new LinkedHashMap<>();
        m.put("faultCode", new XmlRpcValue.IntValue(f.faultCode()));
        m.put("faultString", new XmlRpcValue.StringValue(f.faultString()));
        return new XmlRpcValue.StructValue(m);
    }

    private static MethodEntry lookup(Map<String, MethodEntry> methods, String self,
            List<XmlRpcValue> params) throws XmlRpcFault {
        arity(self, params, 1);
        if (!(params.get(0) instanceof XmlRpcValue.StringValue name)) {
            throw new XmlRpcFault(FaultCodes.INVALID_PARAMS, self + " takes a method name");
        }
        MethodEntry e = methods.get(name.value());
        if (e == null) {
            throw new XmlRpcFault(FaultCodes.METHOD_NOT_FOUND,
                    "method not found: " + XmlRpcDispatcher.shorten(name.value()));
        }
        return e;
    }

    private static void arity(String name, List<XmlRpcValue> params, int n) throws XmlRpcFault {
        if (params.size() != n) {
            throw new XmlRpcFault(FaultCodes.INVALID_PARAMS,
                    name + " takes " + n + " parameter(s), got " + params.size());
        }
    }
}
