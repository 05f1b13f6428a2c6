package io.inetkit.http;

/** placeholder */
public final class ProxyEnvironment {
    private ProxyEnvironment() {}
}
