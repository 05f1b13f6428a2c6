/**
 * inetkit: the BSD socket API, a socketserver-style server framework and clients
 * for the classic Internet protocols. No run-time dependencies.
 */
module io.inetkit {
    requires java.net.http;
    requires java.xml;
    requires jdk.net;

    exports io.inetkit.greet;
    exports io.inetkit.http;
    exports io.inetkit.net;
    exports io.inetkit.sasl;
    exports io.inetkit.server;
    exports io.inetkit.socket;
    exports io.inetkit.text;
    exports io.inetkit.url;
    exports io.inetkit.xmlrpc;
}
