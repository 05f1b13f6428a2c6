package io.inetkit.bench.httpserver;

import io.inetkit.http.HttpServer;
import io.inetkit.xmlrpc.XmlRpcDispatcher;
import io.inetkit.xmlrpc.XmlRpcFault;
import io.inetkit.xmlrpc.XmlRpcHttpHandler;
import io.inetkit.xmlrpc.XmlRpcValue;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * inetkit's XML-RPC server for the benchmark: an {@link XmlRpcDispatcher} with one method,
 * {@code add(int, int)}, mounted with {@link XmlRpcHttpHandler} on {@code /RPC2} and {@code /}
 * of an {@link HttpServer} (keep-alive, default limits, no access log).
 *
 * <p>Usage: {@code InetkitXmlRpcServerMain --port P}; prints {@code LISTENING <port>} and serves
 * until the process is killed.
 */
public final class InetkitXmlRpcServerMain {

    private InetkitXmlRpcServerMain() {
    }

    /**
     * Starts the server and blocks until the process is killed.
     *
     * @param args {@code --port P}
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException never in practice (the main thread parks until killed)
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ServerOptions options = ServerOptions.parse(args, false);
        XmlRpcDispatcher dispatcher = XmlRpcDispatcher.builder()
                .register("add", InetkitXmlRpcServerMain::add)
                .build();
        XmlRpcHttpHandler handler = new XmlRpcHttpHandler(dispatcher);
        HttpServer server = HttpServer.builder()
                .bind("127.0.0.1", options.port())
                .post("/RPC2", handler)
                .post("/", handler)
                .start();
        ServerOptions.announce(server.address().getPort());
        new CountDownLatch(1).await();
    }

    private static XmlRpcValue add(List<XmlRpcValue> params) throws XmlRpcFault {
        if (params.size() == 2
                && params.get(0) instanceof XmlRpcValue.IntValue(int a)
                && params.get(1) instanceof XmlRpcValue.IntValue(int b)) {
            return new XmlRpcValue.IntValue(a + b);
        }
        throw new XmlRpcFault(-32602, "add takes two ints");
    }
}
