/** The tutorial's greeting protocol: server and client. */
package io.inetkit.greet;
