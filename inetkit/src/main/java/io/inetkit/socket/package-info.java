/** The tutorial's BSD socket API over NIO channels: families, kinds, Python's timeout semantics and errno-style connect codes. */
package io.inetkit.socket;
