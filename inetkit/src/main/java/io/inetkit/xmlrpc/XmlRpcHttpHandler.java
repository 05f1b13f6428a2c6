package io.inetkit.xmlrpc;

import io.inetkit.http.HttpHandler;
import io.inetkit.http.Method;
import io.inetkit.http.ServerRequest;
import io.inetkit.http.ServerResponse;
import io.inetkit.http.Status;
import java.io.IOException;
import java.util.Objects;

/**
 * Serves XML-RPC on an {@link io.inetkit.http.HttpServer}: a POST body goes to an
 * {@link XmlRpcDispatcher} and its answer returns as {@code 200 text/xml} (faults included, as
 * the spec wants). Other methods get 405; a body declared larger than the dispatcher's
 * {@link XmlRpcConfig#maxDocumentBytes()} gets 413 (an undeclared one is cut there and answered
 * with a fault).
 *
 * <pre>{@code
 * HttpServer.builder().post("/RPC2", new XmlRpcHttpHandler(dispatcher)).start();
 * }</pre>
 */
public final class XmlRpcHttpHandler implements HttpHandler {
    private final XmlRpcDispatcher dispatcher;

    /**
     * Creates the handler.
     *
     * @param dispatcher runs the methods
     */
    public XmlRpcHttpHandler(XmlRpcDispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) throws IOException {
        if (!request.method().equals(Method.POST)) {
            response.header("Allow", "POST").sendText(Status.METHOD_NOT_ALLOWED, "XML-RPC needs POST\n");
            return;
        }
        long max = dispatcher.config().maxDocumentBytes();
        if (request.contentLength() > max) {
            response.header("Connection", "close").sendText(Status.CONTENT_TOO_LARGE, "XML-RPC request larger than " + max + " bytes\n");
            return;
        }
        byte[] answer = dispatcher.handle(request.body());
        response.contentType("text/xml; charset=utf-8").send(answer);
    }
}
