/**
 * Test support for protocol clients: {@link io.inetkit.testing.ScriptedServer}, a loopback
 * server that plays a {@link io.inetkit.testing.Script} (send / expect steps, or a Go-style
 * {@code S:}/{@code C:} transcript) and fails with the full byte-exact transcript where the
 * conversation diverged.
 */
package io.inetkit.testing;
