/**
 * The code of the README's examples. A test checks that every {@code java} block of the
 * README appears here verbatim, so the README's examples compile with the build, and runs
 * each of them against a server on loopback.
 */
package io.inetkit.examples.readme;
