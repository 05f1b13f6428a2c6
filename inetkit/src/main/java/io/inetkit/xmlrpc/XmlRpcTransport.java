package io.inetkit.xmlrpc;

import java.io.IOException;
import java.io.InputStream;

/**
 * Carries one XML-RPC request to the server and returns the response body: for HTTP, a POST
 * of {@code text/xml} whose 200 response body is returned. Non-success HTTP statuses and
 * connection problems are reported as IOException.
 *
 * <p>{@link JdkHttpTransport} is the implementation over the JDK's HTTP client. A test or an
 * in-process caller can also use a lambda, for example over an {@link XmlRpcDispatcher}:
 * <pre>{@code
 * XmlRpcTransport local = body -> new ByteArrayInputStream(
 *         dispatcher.handle(new ByteArrayInputStream(body)));
 * }</pre>
 */
@FunctionalInterface
public interface XmlRpcTransport {

    /**
     * Sends a request body and returns the response body. The caller reads the stream (the
     * client bounds how much) and closes it.
     *
     * @param requestBody the complete XML-RPC request document
     * @return the response body
     * @throws IOException if the exchange fails
     */
    InputStream call(byte[] requestBody) throws IOException;
}
