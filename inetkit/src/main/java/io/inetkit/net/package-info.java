/** What every client shares: endpoints, dialing with timeouts and implicit TLS, TLS configuration. */
package io.inetkit.net;
