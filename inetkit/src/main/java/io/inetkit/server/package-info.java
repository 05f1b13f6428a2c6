/** The socketserver: TCP, UDP and Unix-stream servers with a virtual thread per connection, limits, TLS and graceful shutdown. */
package io.inetkit.server;
