package io.inetkit.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An XML-RPC client over an {@link XmlRpcTransport}. Immutable and safe to share between
 * threads when the transport is.
 *
 * <pre>{@code
 * try (JdkHttpTransport http = new JdkHttpTransport(URI.create("http://127.0.0.1:8000/"))) {
 *     XmlRpcClient client = new XmlRpcClient(http, XmlRpcConfig.DEFAULT);
 *     Object sum = client.call("add", 2, 3);                      // Integer 5
 *     Calculator calc = client.proxy(Calculator.class, "");       // typed calls
 * }
 * }</pre>
 */
public final class XmlRpcClient {

    private final XmlRpcTransport transport;
    private final XmlRpcCodec codec;

    /**
     * Creates a client with the default configuration.
     *
     * @param transport carries requests to the server
     */
    public XmlRpcClient(XmlRpcTransport transport) {
        this(transport, XmlRpcConfig.DEFAULT);
    }

    /**
     * Creates a client.
     *
     * @param transport carries requests to the server
     * @param config limits for responses and whether nil and i8 may be used
     */
    public XmlRpcClient(XmlRpcTransport transport, XmlRpcConfig config) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.codec = new XmlRpcCodec(config);
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration given at construction
     */
    public XmlRpcConfig config() {
        return codec.config();
    }

    /**
     * Sends a request and returns the response; a fault is returned, not thrown.
     *
     * @param request the request
     * @return the value or fault
     * @throws XmlRpcProtocolException if the response is not valid XML-RPC or too large
     * @throws IOException if the transport fails
     * @throws IllegalArgumentException if a parameter cannot be written
     */
    public XmlRpcResponse execute(XmlRpcRequest request) throws IOException {
        byte[] body = codec.encodeRequest(request);
        try (InputStream in = transport.call(body)) {
            return codec.readResponse(in);
        }
    }

    /**
     * Calls a method with parameters given as values.
     *
     * @param method the method name
     * @param params the parameters
     * @return the result
     * @throws XmlRpcFault if the server answered with a fault
     * @throws XmlRpcProtocolException if the response is not valid XML-RPC or too large
     * @throws IOException if the transport fails
     */
    public XmlRpcValue call(String method, List<XmlRpcValue> params) throws IOException {
        return execute(new XmlRpcRequest(method, params)).valueOrThrow();
    }

    /**
     * Calls a method with plain Java parameters (mapped by {@link XmlRpcValue#of(Object)})
     * and returns a plain Java result (see {@link XmlRpcValue#toJava()}). A single
     * {@code List<XmlRpcValue>} argument selects {@link #call(String, List)} instead; wrap
     * it in {@code XmlRpcValue.of(list)} to send it as one array parameter.
     *
     * @param method the method name
     * @param params the parameters
     * @return the result as plain Java objects
     * @throws XmlRpcFault if the server answered with a fault
     * @throws XmlRpcProtocolException if the response is not valid XML-RPC or too large
     * @throws IOException if the transport fails
     * @throws IllegalArgumentException if a parameter has no XML-RPC form
     */
    public Object call(String method, Object... params) throws IOException {
        return call(method, Arrays.stream(params).map(XmlRpcValue::of).toList()).toJava();
    }

    /**
     * Runs several calls in one round trip with {@code system.multicall}. Each call's
     * outcome is returned in order, a fault as {@link XmlRpcResponse.Failure}.
     *
     * @param calls the calls
     * @return one response per call
     * @throws XmlRpcFault if the server refused the multicall as a whole
     * @throws XmlRpcProtocolException if the reply does not have one result per call
     * @throws IOException if the transport fails
     */
    public List<XmlRpcResponse> multicall(List<XmlRpcRequest> calls) throws IOException {
        List<XmlRpcValue> structs = new ArrayList<>(calls.size());
        for (XmlRpcRequest c : calls) {
            Map<String, XmlRpcValue> m = new LinkedHashMap<>();
            m.put("methodName", new XmlRpcValue.StringValue(c.methodName()));
            m.put("params", new XmlRpcValue.ArrayValue(c.params()));
            structs.add(new XmlRpcValue.StructValue(m));
        }
        XmlRpcValue result = call("system.multicall",
                List.of(new XmlRpcValue.ArrayValue(structs)));
        if (!(result instanceof XmlRpcValue.ArrayValue array)
                || array.elements().size() != calls.size()) {
            throw invalid("system.multicall did not return one result per call");
        }
        List<XmlRpcResponse> responses = new ArrayList<>(calls.size());
        for (XmlRpcValue item : array.elements()) {
            responses.add(multicallItem(item));
        }
        return responses;
    }

    private static XmlRpcResponse multicallItem(XmlRpcValue item)
            throws XmlRpcProtocolException {
        if (item instanceof XmlRpcValue.ArrayValue a && a.elements().size() == 1) {
            return new XmlRpcResponse.Success(a.elements().get(0));
        }
        if (item instanceof XmlRpcValue.StructValue s
                && s.get("faultCode") instanceof XmlRpcValue.IntValue code) {
            String text = s.get("faultString") instanceof XmlRpcValue.StringValue str
                    ? str.value() : "";
            return new XmlRpcResponse.Failure(code.value(), text);
        }
        throw invalid("system.multicall result is neither [value] nor a fault struct");
    }

    /**
     * Asks the server for its methods ({@code system.listMethods}).
     *
     * @return the method names
     * @throws IOException if the call fails or the reply is not an array of strings
     */
    public List<String> listMethods() throws IOException {
        XmlRpcValue v = call("system.listMethods", List.of());
        List<String> names = new ArrayList<>();
        if (v instanceof XmlRpcValue.ArrayValue a) {
            for (XmlRpcValue e : a.elements()) {
                if (!(e instanceof XmlRpcValue.StringValue s)) {
                    throw invalid("system.listMethods returned a non-string");
                }
                names.add(s.value());
            }
            return List.copyOf(names);
        }
        throw invalid("system.listMethods did not return an array");
    }

    /**
     * Asks the server for a method's documentation ({@code system.methodHelp}).
     *
     * @param method the method name
     * @return the help text, empty when there is none
     * @throws IOException if the call fails or the reply is not a string
     */
    public String methodHelp(String method) throws IOException {
        if (call("system.methodHelp", List.of(new XmlRpcValue.StringValue(method)))
                instanceof XmlRpcValue.StringValue s) {
            return s.value();
        }
        throw invalid("system.methodHelp did not return a string");
    }

    /**
     * Asks the server for a method's signatures ({@code system.methodSignature}): each is the
     * return type followed by the parameter types, as XML-RPC type names.
     *
     * @param method the method name
     * @return the signatures; empty when the server does not know them (it then answers
     *     with a string such as "signatures not supported" or "undef")
     * @throws IOException if the call fails or the reply is malformed
     */
    public List<List<String>> methodSignature(String method) throws IOException {
        XmlRpcValue v = call("system.methodSignature",
                List.of(new XmlRpcValue.StringValue(method)));
        if (!(v instanceof XmlRpcValue.ArrayValue a)) {
            return List.of();
        }
        List<List<String>> signatures = new ArrayList<>();
        for (XmlRpcValue sig : a.elements()) {
            if (!(sig instanceof XmlRpcValue.ArrayValue types)) {
                throw invalid("system.methodSignature returned a malformed signature");
            }
            List<String> names = new ArrayList<>();
            for (XmlRpcValue t : types.elements()) {
                if (!(t instanceof XmlRpcValue.StringValue s)) {
                    throw invalid("system.methodSignature returned a non-string type");
                }
                names.add(s.value());
            }
            signatures.add(List.copyOf(names));
        }
        return List.copyOf(signatures);
    }

    /**
     * Returns an implementation of an interface whose methods call the server: method
     * {@code foo} calls {@code prefix.foo} (just {@code foo} when the prefix is empty).
     *
     * <p>Arguments are mapped with {@link XmlRpcValue#of(Object)}; the result is converted to
     * the method's declared return type (int, long, double, boolean, String, byte[],
     * LocalDateTime, OffsetDateTime, Instant, enums, records from structs, arrays,
     * {@code List<T>}, {@code Map<String, T>}, XmlRpcValue or Object), widening int to long
     * or double only. A result that does not fit throws {@link XmlRpcProtocolException}
     * naming the method and types. Failures are thrown as they are when the interface method
     * declares them (for example {@code throws IOException}), otherwise wrapped in
     * {@link java.io.UncheckedIOException}. Default methods run locally; {@code equals},
     * {@code hashCode} and {@code toString} never reach the server.
     *
     * @param <T> the interface type
     * @param api the interface
     * @param prefix the method name prefix, without the dot, or empty
     * @return the proxy
     * @throws IllegalArgumentException if {@code api} is not an interface
     */
    public <T> T proxy(Class<T> api, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getName() + " is not an interface");
        }
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new ProxyHandler(this, api, prefix));
        return api.cast(proxy);
    }

    private static XmlRpcProtocolException invalid(String message) {
        return new XmlRpcProtocolException(XmlRpcProtocolException.Kind.INVALID, message);
    }
}
