package io.inetkit.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server side of XML-RPC, independent of HTTP: maps a request body to a response body.
 * Built once with {@link #builder()}, then immutable and safe to call from many threads.
 *
 * <p>An HTTP server hands it the body of each {@code POST} and answers {@code 200} with
 * {@code Content-Type: text/xml} and the bytes {@link #handle(InputStream)} returns. The
 * dispatcher bounds what it reads by {@link XmlRpcConfig#maxDocumentBytes()}.
 *
 * <h2>Faults</h2>
 * Every problem becomes a fault response, never an HTTP error (codes in {@link FaultCodes}):
 * <ul>
 *   <li>-32700 for XML that is not well-formed or has a DOCTYPE; -32600 for XML that is
 *       not a valid methodCall or exceeds a limit;</li>
 *   <li>-32601 for an unknown method; -32602 for wrong parameters of a method registered
 *       with {@link Builder#registerObject}, or of a {@code system.*} method;</li>
 *   <li>the code and text of an {@link XmlRpcFault} a method throws;</li>
 *   <li>-32500 for any other exception from a method: the text is only
 *       "error in method NAME" unless {@link Builder#exposeExceptionDetails(boolean)} is
 *       on, so internal details do not leak; the exception is logged at DEBUG;</li>
 *   <li>-32603 when the result cannot be written (NaN, nil without the extension, ...).</li>
 * </ul>
 *
 * <h2>Method names</h2>
 * Names are looked up exactly in a map. Registering an object exposes only its public
 * methods, each under {@code prefix.name}; no dotted name is ever resolved by walking
 * attributes or fields, so a caller cannot reach beyond the registered methods (Python's
 * CVE-2005-0089).
 */
public final class XmlRpcDispatcher {

    private static final System.Logger LOG = System.getLogger(XmlRpcDispatcher.class.getName());
    private static final int MAX_NAME_IN_MESSAGE = 200;

    private final XmlRpcCodec codec;
    private final boolean exposeDetails;
    private final Map<String, MethodEntry> methods;

    private XmlRpcDispatcher(Builder b) {
        this.codec = new XmlRpcCodec(b.config);
        this.exposeDetails = b.exposeDetails;
        Map<String, MethodEntry> all = new LinkedHashMap<>();
        for (Map.Entry<String, MethodEntry> e : b.methods.entrySet()) {
            all.put(e.getKey(), e.getValue());
        }
        for (ObjectRegistration r : b.objects) {
            ReflectiveMethods.of(r.prefix, r.type, r.target, b.config.extensions())
                    .forEach((name, entry) -> put(all, name, entry));
        }
        if (b.multicall) {
            put(all, SystemMethods.MULTICALL, SystemMethods.multicall(this::dispatchEncodable));
        }
        if (b.introspection) {
            for (String name : List.of(SystemMethods.LIST_METHODS, SystemMethods.METHOD_HELP,
                    SystemMethods.METHOD_SIGNATURE)) {
                if (all.containsKey(name)) {
                    throw new IllegalArgumentException(name + " is built in; turn introspection"
                            + " off to register your own");
                }
            }
            SystemMethods.addIntrospection(all);
        }
        this.methods = Collections.unmodifiableMap(all);
    }

    private static void put(Map<String, MethodEntry> all, String name, MethodEntry entry) {
        if (all.putIfAbsent(name, entry) != null) {
            throw new IllegalArgumentException("method " + name + " is registered twice");
        }
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the default configuration
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration given to the builder
     */
    public XmlRpcConfig config() {
        return codec.config();
    }

    /**
     * Returns the names of all methods served, the built-in {@code system.*} ones included.
     *
     * @return the names, sorted
     */
    public List<String> methodNames() {
        return methods.keySet().stream().sorted().toList();
    }

    /**
     * Reads a request body, runs the method and returns the response body. Malformed or
     * oversized requests produce a fault response, not an exception.
     *
     * @param requestBody the body; read at most up to the configured limit, not closed
     * @return the UTF-8 response document
     * @throws IOException only if reading the stream itself fails
     */
    public byte[] handle(InputStream requestBody) throws IOException {
        XmlRpcResponse response;
        try {
            response = dispatch(codec.readRequest(requestBody));
        } catch (XmlRpcProtocolException e) {
            int code = e.kind() == XmlRpcProtocolException.Kind.NOT_WELL_FORMED
                    ? FaultCodes.PARSE_ERROR : FaultCodes.INVALID_REQUEST;
            response = new XmlRpcResponse.Failure(code, e.getMessage());
        }
        return encode(response);
    }

    /**
     * Like {@link #handle(InputStream)}, writing the response to a stream.
     *
     * @param requestBody the request body, not closed
     * @param responseBody where the response goes, flushed but not closed
     * @throws IOException if reading or writing the streams fails
     */
    public void handle(InputStream requestBody, OutputStream responseBody) throws IOException {
        responseBody.write(handle(requestBody));
        responseBody.flush();
    }

    /**
     * Runs one request in process. Never throws for a failing method: faults are returned.
     *
     * @param request the request
     * @return the method's result or a fault
     */
    public XmlRpcResponse dispatch(XmlRpcRequest request) {
        String name = request.methodName();
        MethodEntry entry = methods.get(name);
        if (entry == null) {
            return new XmlRpcResponse.Failure(FaultCodes.METHOD_NOT_FOUND,
                    "method not found: " + shorten(name));
        }
        try {
            XmlRpcValue v = entry.method().invoke(request.params());
            return new XmlRpcResponse.Success(v == null ? XmlRpcValue.NilValue.INSTANCE : v);
        } catch (XmlRpcFault f) {
            return XmlRpcResponse.Failure.of(f);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "XML-RPC method " + name + " failed", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String text = "error in method " + shorten(name);
            if (exposeDetails) {
                text += ": " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            return new XmlRpcResponse.Failure(FaultCodes.APPLICATION_ERROR, text);
        }
    }

    /** Dispatches and turns a result that cannot be written into a fault (for multicall). */
    private XmlRpcResponse dispatchEncodable(XmlRpcRequest request) {
        XmlRpcResponse r = dispatch(request);
        if (r instanceof XmlRpcResponse.Success) {
            try {
                codec.encodeResponse(r);
            } catch (IllegalArgumentException e) {
                return unencodable(request.methodName(), e);
            }
        }
        return r;
    }

    private byte[] encode(XmlRpcResponse response) {
        try {
            return codec.encodeResponse(response);
        } catch (IllegalArgumentException e) {
            return codec.encodeResponse(unencodable(null, e));
        }
    }

    private XmlRpcResponse.Failure unencodable(String method, IllegalArgumentException e) {
        LOG.log(System.Logger.Level.DEBUG, "XML-RPC result cannot be written", e);
        return new XmlRpcResponse.Failure(FaultCodes.INTERNAL_ERROR,
                (method == null ? "the result" : "the result of " + shorten(method))
                        + " cannot be sent as XML-RPC: " + e.getMessage());
    }

    static String shorten(String name) {
        return XmlRpcReader.shorten(name, MAX_NAME_IN_MESSAGE);
    }

    private record ObjectRegistration(String prefix, Class<?> type, Object target) {
    }

    /** Collects methods and options; {@link #build()} makes the immutable dispatcher. */
    public static final class Builder {
        private XmlRpcConfig config = XmlRpcConfig.DEFAULT;
        private boolean exposeDetails;
        private boolean introspection = true;
        private boolean multicall = true;
        private final Map<String, MethodEntry> methods = new LinkedHashMap<>();
        private final List<ObjectRegistration> objects = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets limits and options for reading requests and writing responses.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(XmlRpcConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Puts the exception class and message of a failing method into the fault text.
         * Off by default: they can reveal internals to any caller.
         *
         * @param expose whether to expose them
         * @return this builder
         */
        public Builder exposeExceptionDetails(boolean expose) {
            this.exposeDetails = expose;
            return this;
        }

        /**
         * Serves system.listMethods, system.methodHelp and system.methodSignature (on by
         * default).
         *
         * @param enabled whether to serve them
         * @return this builder
         */
        public Builder introspection(boolean enabled) {
            this.introspection = enabled;
            return this;
        }

        /**
         * Serves system.multicall (on by default).
         *
         * @param enabled whether to serve it
         * @return this builder
         */
        public Builder multicall(boolean enabled) {
            this.multicall = enabled;
            return this;
        }

        /**
         * Registers a method without documentation.
         *
         * @param name the exact method name
         * @param method the code
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already registered
         */
        public Builder register(String name, XmlRpcMethod method) {
            return register(name, "", List.of(), method);
        }

        /**
         * Registers a method with documentation for introspection.
         *
         * @param name the exact method name
         * @param help the text system.methodHelp returns
         * @param signatures the signatures system.methodSignature returns: each the result
         *     type followed by the parameter types ("int", "string", "struct", ...); empty
         *     if unknown
         * @param method the code
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already registered
         */
        public Builder register(String name, String help, List<List<String>> signatures,
                XmlRpcMethod method) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("method name is blank");
            }
            MethodEntry entry = new MethodEntry(Objects.requireNonNull(method, "method"),
                    Objects.requireNonNull(help, "help"), signatures);
            put(methods, name, entry);
            return this;
        }

        /**
         * Registers every public instance method of the object's class, inherited ones
         * included (those of {@code Object}, such as {@code toString}, excluded even where
         * overridden), as {@code prefix.methodName}.
         *
         * @param prefix the name prefix without the dot, or empty
         * @param target the object
         * @return this builder
         * @throws IllegalArgumentException if a name is overloaded or the methods cannot be
         *     called; at {@link #build()} if a name is registered twice
         * @see #registerObject(String, Class, Object)
         */
        public Builder registerObject(String prefix, Object target) {
            return addObject(prefix, Objects.requireNonNull(target, "target").getClass(),
                    target);
        }

        /**
         * Registers the public methods of {@code type} (an interface or class the object
         * implements) as {@code prefix.methodName}, calling them on {@code target}.
         * Parameters are converted like proxy results (see {@link XmlRpcClient#proxy});
         * results are mapped with {@link XmlRpcValue#of(Object)}; a void method answers nil
         * when extensions are on and {@code true} otherwise. Signatures for introspection
         * come from the Java types.
         *
         * @param <T> the type
         * @param prefix the name prefix without the dot, or empty
         * @param type the type whose public methods are exposed
         * @param target the object the methods run on
         * @return this builder
         */
        public <T> Builder registerObject(String prefix, Class<T> type, T target) {
            return addObject(prefix, type, target);
        }

        private Builder addObject(String prefix, Class<?> type, Object target) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(target, "target");
            ReflectiveMethods.of(prefix, type, target, false);   // fail now, not at build()
            objects.add(new ObjectRegistration(prefix, type, target));
            return this;
        }

        /**
         * Builds the dispatcher.
         *
         * @return the dispatcher
         * @throws IllegalArgumentException if a method name is registered twice or an object
         *     cannot be registered
         */
        public XmlRpcDispatcher build() {
            return new XmlRpcDispatcher(this);
        }
    }
}
