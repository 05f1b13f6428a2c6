/**
 * inetkit: the BSD socket API, a socketserver-style server framework and clients
 * for the classic Internet protocols. No run-time dependencies.
 */
module io.inetkit {
    requires java.xml;
    requires java.net.http;

    exports io.inetkit.sasl;
    exports io.inetkit.xmlrpc;
}
