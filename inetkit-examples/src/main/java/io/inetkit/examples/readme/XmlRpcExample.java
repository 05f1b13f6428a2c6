package io.inetkit.examples.readme;

import io.inetkit.xmlrpc.InetkitHttpTransport;
import io.inetkit.xmlrpc.XmlRpcClient;
import java.io.IOException;
import java.net.URI;

/** README: an XML-RPC client with a typed proxy. */
public final class XmlRpcExample {
    private XmlRpcExample() {
    }

    /** A remote API, as Java sees it. */
    public interface Calculator {
        /**
         * Adds two numbers remotely.
         *
         * @param a a number
         * @param b another
         * @return the sum
         */
        int add(int a, int b);
    }

    /**
     * Calls {@code add} twice, untyped and typed.
     *
     * @param endpoint the server's URL
     * @return the typed call's result
     * @throws IOException if a call fails (a fault is an {@code XmlRpcFault})
     */
    public static int addTwice(URI endpoint) throws IOException {
        // README:xmlrpc
        try (InetkitHttpTransport transport = new InetkitHttpTransport(endpoint)) {
            XmlRpcClient client = new XmlRpcClient(transport);
            Object five = client.call("add", 2, 3);                  // plain Java values in and out
            Calculator calc = client.proxy(Calculator.class, "");    // or typed, through an interface
            return calc.add((Integer) five, 37);                     // 42
        }
        // README:end
    }
}
