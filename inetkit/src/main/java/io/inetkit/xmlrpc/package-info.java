/**
 * XML-RPC: values, a hardened codec, a client (also as a typed proxy of a Java interface)
 * and a server-side dispatcher, independent of HTTP.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.inetkit.xmlrpc.XmlRpcValue}: the spec's types (int/i4, boolean, string,
 *       double, dateTime.iso8601, base64, struct, array) and the {@code nil}/{@code i8}
 *       extensions as records; {@code XmlRpcValue.of(object)} and {@code toJava()} map to and
 *       from Integer, Long, Boolean, String, Double, byte[], LocalDateTime/OffsetDateTime,
 *       Map, List and null.</li>
 *   <li>{@link io.inetkit.xmlrpc.XmlRpcCodec}: writes and reads {@code methodCall} and
 *       {@code methodResponse} documents under the limits of
 *       {@link io.inetkit.xmlrpc.XmlRpcConfig}.</li>
 *   <li>{@link io.inetkit.xmlrpc.XmlRpcClient} over an
 *       {@link io.inetkit.xmlrpc.XmlRpcTransport}; {@link io.inetkit.xmlrpc.InetkitHttpTransport}
 *       (over {@link io.inetkit.http.HttpClient}) or {@link io.inetkit.xmlrpc.JdkHttpTransport}
 *       (over the JDK's client) carries it over HTTP.</li>
 *   <li>{@link io.inetkit.xmlrpc.XmlRpcDispatcher}: request body in, response body out,
 *       for any HTTP server; {@link io.inetkit.xmlrpc.XmlRpcHttpHandler} mounts it on
 *       {@link io.inetkit.http.HttpServer}.</li>
 * </ul>
 *
 * <h2>Client</h2>
 * <pre>{@code
 * interface Calculator {
 *     int add(int a, int b) throws IOException;
 * }
 *
 * try (JdkHttpTransport http = new JdkHttpTransport(URI.create("http://127.0.0.1:8000/RPC2"))) {
 *     XmlRpcClient client = new XmlRpcClient(http, XmlRpcConfig.DEFAULT);
 *     Object five = client.call("math.add", 2, 3);                  // Integer 5
 *     Calculator calc = client.proxy(Calculator.class, "math");     // calls "math.add"
 *     int seven = calc.add(3, 4);
 *     List<XmlRpcResponse> both = client.multicall(List.of(
 *             XmlRpcRequest.of("math.add", 1, 2), XmlRpcRequest.of("math.divide", 1, 0)));
 * } catch (XmlRpcFault fault) {
 *     System.err.println(fault.faultCode() + " " + fault.faultString());
 * }
 * }</pre>
 *
 * <h2>Server</h2>
 * <pre>{@code
 * XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder()
 *         .register("ping", "Answers pong.", List.of(List.of("string")),
 *                 params -> new XmlRpcValue.StringValue("pong"))
 *         .registerObject("math", Calculator.class, new CalculatorImpl())
 *         .build();
 * HttpServer server = HttpServer.builder()
 *         .route(null, "/RPC2", new XmlRpcHttpHandler(dispatcher))   // POST; 405 for others
 *         .start();
 * // or in any other HTTP server's POST handler: status 200, Content-Type text/xml
 * byte[] responseBody = dispatcher.handle(requestBodyStream);
 * }</pre>
 * The dispatcher also serves {@code system.listMethods}, {@code system.methodHelp},
 * {@code system.methodSignature} and {@code system.multicall}; fault codes are listed in
 * {@link io.inetkit.xmlrpc.FaultCodes} and the class comment of
 * {@link io.inetkit.xmlrpc.XmlRpcDispatcher}.
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>Parsing uses the JDK's StAX parser with DTD support and external entities off and
 *       refuses any DOCTYPE, so neither XXE nor entity expansion ("billion laughs") is
 *       possible; there is no XInclude. Document size, nesting depth (64), number of
 *       values, string and base64 sizes are bounded ({@link io.inetkit.xmlrpc.XmlRpcConfig}).
 *       Malformed input is an {@link io.inetkit.xmlrpc.XmlRpcProtocolException}.</li>
 *   <li>No Java serialization: Apache's {@code ex:serializable} is refused like any unknown
 *       type.</li>
 *   <li>The server looks method names up exactly; registering an object exposes only its
 *       public methods, never attributes reached through dotted names (Python's
 *       CVE-2005-0089). Exception details of failing methods are not sent unless
 *       configured.</li>
 * </ul>
 *
 * <h2>Interoperability</h2>
 * Tested against Python 3.11's xmlrpc.client and xmlrpc.server. {@code nil} and {@code i8}
 * are off by default, as in the spec; with them off, a Long that fits in an int is sent as
 * {@code <int>}. With them on they are written bare ({@code <nil/>}, as Python does) or, for
 * Apache XML-RPC, in its namespace ({@code <ex:nil/>}, see
 * {@link io.inetkit.xmlrpc.XmlRpcConfig.ExtensionNames}); both forms are always read.
 * Date-times are read leniently (with or without dashes, colons, fraction,
 * {@code Z} or offset) and written as {@code 19980717T14:08:55} plus the offset when the
 * value has one (strict peers such as Python with {@code use_builtin_types} want none:
 * send LocalDateTime). A CR in a string is written as {@code &#13;} so it survives; Python
 * writes it raw and XML turns it into LF. Doubles are written in plain decimal notation,
 * as the spec asks.
 */
package io.inetkit.xmlrpc;
