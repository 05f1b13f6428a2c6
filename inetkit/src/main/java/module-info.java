/**
 * inetkit: the BSD socket API, a socketserver-style server framework and clients
 * for the classic Internet protocols. No run-time dependencies.
 */
module io.inetkit {
    exports io.inetkit.http;
    exports io.inetkit.net;
    exports io.inetkit.sasl;
    exports io.inetkit.text;
}
